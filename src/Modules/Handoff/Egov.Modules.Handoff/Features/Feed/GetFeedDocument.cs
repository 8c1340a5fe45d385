using Egov.Modules.Forms.Contracts;
using Egov.Modules.Handoff.Features.Handoffs;
using Egov.Modules.Handoff.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Handoff.Features.Feed;

/// <summary>
/// A document (receipt, attachment, decision notice) of a case in the target's feed; another case is reported
/// missing. The download is recorded in the case's access log (Forms) under the service account's <c>sub</c>.
/// </summary>
internal sealed record GetFeedDocumentQuery(FeedReader Reader, string Target, Guid CaseId, Guid DocumentId) : IQuery<CaseDocument>;

internal sealed class GetFeedDocumentHandler(HandoffDbContext db, HandoffTargets targets, ISender sender) : IQueryHandler<GetFeedDocumentQuery, CaseDocument>
{
    public async ValueTask<CaseDocument> Handle(GetFeedDocumentQuery query, CancellationToken cancellationToken)
    {
        FeedAccess.Authorize(targets, query.Target, query.Reader);
        var inFeed = await db.Deliveries.AnyAsync(d => d.TargetKey == query.Target && d.ApplicationId == query.CaseId && d.Position != null, cancellationToken);
        var record = inFeed ? await sender.Send(new GetCaseRecordQuery(query.CaseId, IncludeContent: true), cancellationToken) : null;
        var document = record?.Documents.FirstOrDefault(d => d.Id == query.DocumentId)
            ?? throw new NotFoundException($"There is no document {query.DocumentId} of case {query.CaseId} in this feed.");
        await sender.Send(new RecordCaseReadCommand(query.CaseId, query.Reader.Subject, CaseReads.ServiceAccount(query.Target), CaseReads.Document(document)), cancellationToken);
        return document;
    }
}
