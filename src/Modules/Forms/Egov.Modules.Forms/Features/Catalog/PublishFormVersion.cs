using Egov.Modules.Forms.Persistence;
using Mediator;

namespace Egov.Modules.Forms.Features.Catalog;

/// <summary>Publishes a draft version; from now on new applications use it.</summary>
internal sealed record PublishFormVersionCommand(Guid FormId, int Version) : ICommand<FormVersionResponse>;

internal sealed class PublishFormVersionHandler(FormsDbContext db, TimeProvider time) : ICommandHandler<PublishFormVersionCommand, FormVersionResponse>
{
    public async ValueTask<FormVersionResponse> Handle(PublishFormVersionCommand command, CancellationToken cancellationToken)
    {
        var form = await db.FindAsync(command.FormId.ToString(), cancellationToken);
        form.Publish(command.Version, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return FormVersionResponse.From(form, form.Version(command.Version));
    }
}
