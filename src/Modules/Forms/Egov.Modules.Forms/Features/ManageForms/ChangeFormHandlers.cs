using Egov.Modules.Forms.Features.FormDocuments;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;

namespace Egov.Modules.Forms.Features.ManageForms;

internal sealed class ChangeFormHandlers(FormsDbContext db, TimeProvider time) :
    ICommandHandler<AddFormVersionCommand, FormVersionResponse>,
    ICommandHandler<UpdateFormDraftCommand, FormVersionResponse>,
    ICommandHandler<PublishFormVersionCommand, FormVersionResponse>,
    ICommandHandler<RetireFormCommand, Unit>,
    IQueryHandler<ListFormVersionsQuery, IReadOnlyList<FormVersionResponse>>,
    IQueryHandler<GetFormVersionQuery, FormVersionResponse>
{
    public async ValueTask<FormVersionResponse> Handle(GetFormVersionQuery query, CancellationToken cancellationToken)
    {
        var form = await db.FindAsync(query.FormId.ToString(), cancellationToken);
        return FormVersionResponse.From(form, form.Version(query.Version));
    }

    public async ValueTask<FormVersionResponse> Handle(AddFormVersionCommand command, CancellationToken cancellationToken)
    {
        var form = await db.FindAsync(command.FormId.ToString(), cancellationToken);
        EnsureSameKey(form.Key, command.Definition.Key);
        var version = form.AddDraft(command.Definition.ToContent(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return FormVersionResponse.From(form, version);
    }

    public async ValueTask<FormVersionResponse> Handle(UpdateFormDraftCommand command, CancellationToken cancellationToken)
    {
        var form = await db.FindAsync(command.FormId.ToString(), cancellationToken);
        EnsureSameKey(form.Key, command.Definition.Key);
        form.UpdateDraft(command.Version, command.Definition.ToContent());
        await db.SaveChangesAsync(cancellationToken);
        return FormVersionResponse.From(form, form.Version(command.Version));
    }

    public async ValueTask<FormVersionResponse> Handle(PublishFormVersionCommand command, CancellationToken cancellationToken)
    {
        var form = await db.FindAsync(command.FormId.ToString(), cancellationToken);
        form.Publish(command.Version, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return FormVersionResponse.From(form, form.Version(command.Version));
    }

    public async ValueTask<Unit> Handle(RetireFormCommand command, CancellationToken cancellationToken)
    {
        var form = await db.FindAsync(command.FormId.ToString(), cancellationToken);
        form.Retire(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async ValueTask<IReadOnlyList<FormVersionResponse>> Handle(ListFormVersionsQuery query, CancellationToken cancellationToken)
    {
        var form = await db.FindAsync(query.FormId.ToString(), cancellationToken);
        return [.. form.Versions.OrderBy(v => v.Number).Select(v => FormVersionResponse.From(form, v))];
    }

    private static void EnsureSameKey(string key, string? requested)
    {
        if (requested is not null && requested != key)
        {
            throw new RequestValidationException("key", $"The key of a form cannot change (it is '{key}').");
        }
    }
}
