using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Catalog;
using Egov.Modules.Forms.Features.Scanning;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Files;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>Adds files to one attachment slot of a draft; all files are stored, or none.</summary>
internal sealed record UploadAttachmentsCommand(Applicant Applicant, Guid ApplicationId, string Slot, IReadOnlyList<UploadedFile> Files)
    : ICommand<IReadOnlyList<AttachmentResponse>>;

internal sealed class UploadAttachmentsHandler(FormsDbContext db, PublishedFormVersions forms, UploadScanner scanner, TimeProvider time) : ICommandHandler<UploadAttachmentsCommand, IReadOnlyList<AttachmentResponse>>
{
    public async ValueTask<IReadOnlyList<AttachmentResponse>> Handle(UploadAttachmentsCommand command, CancellationToken cancellationToken)
    {
        var application = await db.OwnAsync(command.Applicant, command.ApplicationId, cancellationToken);
        if (application.Status != ApplicationStatus.Draft)
        {
            throw new ConflictException($"The application is {application.Status}; files can only be added to a draft.");
        }

        var version = await forms.GetAsync(db, application.FormId, application.FormVersion, cancellationToken);
        var slot = version.Content.AttachmentSlots.FirstOrDefault(s => s.Name == command.Slot)
            ?? throw new RequestValidationException("slot", $"This form has no attachment slot '{command.Slot}'.");
        var existing = await db.Attachments.CountAsync(a => a.ApplicationId == application.Id && a.Slot == slot.Name, cancellationToken);

        var errors = AttachmentRules.Check(slot, existing, command.Files, command.Applicant.Language);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        // Scanned before anything is stored: an infected file refuses the whole upload (422).
        var scan = await scanner.ScanAsync(command.Files.Select(f => (f.FileName, f.Content)), command.Applicant.Language, cancellationToken);
        var now = time.GetUtcNow();
        var added = command.Files
            .Select(f => Attachment.Create(application.Id, slot.Name, UploadFileName.Sanitize(f.FileName), FileTypes.Detect(f.Content)!, f.Content, now, scan))
            .ToList();
        db.Attachments.AddRange(added);
        application.TouchAttachments(now);
        await db.SaveChangesAsync(cancellationToken);
        return [.. added.Select(AttachmentResponse.From)];
    }
}
