using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;

namespace Egov.Modules.Forms.Features.Catalog;

/// <summary>Publishes a draft version; from now on new applications use it.</summary>
internal sealed record PublishFormVersionCommand(Guid FormId, int Version) : ICommand<FormVersionResponse>;

internal sealed class PublishFormVersionHandler(FormsDbContext db, TimeProvider time) : ICommandHandler<PublishFormVersionCommand, FormVersionResponse>
{
    /// <exception cref="RequestValidationException">A decision template of the draft fails the check (a draft saved before the check existed).</exception>
    public async ValueTask<FormVersionResponse> Handle(PublishFormVersionCommand command, CancellationToken cancellationToken)
    {
        var form = await db.FindAsync(command.FormId.ToString(), cancellationToken);
        var content = form.Version(command.Version).Content;

        // Checked again here: a published version's templates are final, and the check may have
        // become stricter since the draft was saved.
        if (content.DecisionTemplates is { } templates)
        {
            var problems = DecisionTemplateCheck.Problems(templates, content.Schema)
                .GroupBy(p => p.Field, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal);
            if (problems.Count > 0)
            {
                throw new RequestValidationException(problems);
            }
        }

        form.Publish(command.Version, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return FormVersionResponse.From(form, form.Version(command.Version));
    }
}
