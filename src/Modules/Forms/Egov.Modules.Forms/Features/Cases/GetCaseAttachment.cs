using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Cases;

/// <summary>One file of the case (content included); logged as a read.</summary>
internal sealed record GetCaseAttachmentQuery(Caseworker Caseworker, Guid CaseId, Guid AttachmentId) : IQuery<CaseFile>;

/// <summary>A file's name, media type and bytes.</summary>
internal sealed record CaseFile(string FileName, string MediaType, byte[] Content);

internal sealed class GetCaseAttachmentHandler(FormsDbContext db, StaffDirectory staff, TimeProvider time) : IQueryHandler<GetCaseAttachmentQuery, CaseFile>
{
    public async ValueTask<CaseFile> Handle(GetCaseAttachmentQuery query, CancellationToken cancellationToken)
    {
        var application = await CaseAccess.FindAsync(db, staff, query.Caseworker, query.CaseId, tracked: true, cancellationToken);
        var file = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(
                a => a.Id == query.AttachmentId && a.ApplicationId == application.Id
                    && (a.ScanStatus == AttachmentScanStatus.Clean || a.ScanStatus == AttachmentScanStatus.Unscanned), cancellationToken)
            ?? throw new NotFoundException($"Case {application.ReferenceNumber} has no file {query.AttachmentId}.");
        await CaseAccess.LogReadAsync(db, application, query.Caseworker, time, $"attachment:{file.Id}", cancellationToken);
        return new CaseFile(file.FileName, file.MediaType, file.Content);
    }
}
