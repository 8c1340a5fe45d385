using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.FormDocuments;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.ManageForms;

internal sealed class CreateFormHandler(FormsDbContext db, TimeProvider time) : ICommandHandler<CreateFormCommand, FormVersionResponse>
{
    public async ValueTask<FormVersionResponse> Handle(CreateFormCommand command, CancellationToken cancellationToken)
    {
        var key = command.Definition.Key!;
        if (await db.FormDefinitions.AnyAsync(f => f.Key == key, cancellationToken))
        {
            throw new ConflictException($"A form with the key '{key}' exists already; add a version to it instead.");
        }

        var form = FormDefinition.Create(key, command.Definition.ToContent(), time.GetUtcNow());
        db.FormDefinitions.Add(form);
        await db.SaveChangesAsync(cancellationToken);
        return FormVersionResponse.From(form, form.Versions[0]);
    }
}
