using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>Removes a file from a draft.</summary>
internal sealed record DeleteAttachmentCommand(Applicant Applicant, Guid ApplicationId, Guid AttachmentId) : ICommand<Unit>;

internal sealed class DeleteAttachmentHandler(FormsDbContext db, TimeProvider time) : ICommandHandler<DeleteAttachmentCommand, Unit>
{
    public async ValueTask<Unit> Handle(DeleteAttachmentCommand command, CancellationToken cancellationToken)
    {
        var application = await db.OwnAsync(command.Applicant, command.ApplicationId, cancellationToken);
        var attachment = await db.Attachments.FirstOrDefaultAsync(a => a.Id == command.AttachmentId && a.ApplicationId == application.Id, cancellationToken)
            ?? throw new NotFoundException($"There is no attachment {command.AttachmentId} on this application.");
        db.Attachments.Remove(attachment);
        application.TouchAttachments(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
