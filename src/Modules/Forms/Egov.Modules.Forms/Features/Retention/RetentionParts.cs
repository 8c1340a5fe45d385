using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Egov.Modules.Forms.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Retention;

/// <summary>
/// One kind of data held about an application that the retention job removes: how to read what is
/// removed (for the hash of the deletion record; projections without file bytes, whose SHA-256 stands
/// for them) and how to delete it.
/// </summary>
/// <param name="Kind">Name in the deletion record, e.g. <c>attachments</c>.</param>
/// <param name="Read">The rows about to be removed, in a stable order.</param>
/// <param name="Delete">Deletes them; returns how many.</param>
internal sealed record RetentionPart(
    string Kind,
    Func<FormsDbContext, Guid, CancellationToken, Task<List<object>>> Read,
    Func<FormsDbContext, Guid, CancellationToken, Task<int>> Delete);

/// <summary>
/// Everything Forms holds about an application besides its own row, in the order it is removed
/// (files and messages before the information requests they answer). Both retention actions remove
/// all of it; a new kind of document (hand-off records, say) is one more entry here.
/// </summary>
internal static class RetentionParts
{
    public static IReadOnlyList<RetentionPart> All { get; } =
    [
        new("attachments",
            async (db, id, ct) => [.. await db.Attachments.AsNoTracking().Where(a => a.ApplicationId == id).OrderBy(a => a.Id)
                .Select(a => new { a.Id, a.Slot, a.FileName, a.MediaType, a.SizeBytes, a.Sha256, a.UploadedAt }).ToListAsync(ct)],
            (db, id, ct) => db.Attachments.Where(a => a.ApplicationId == id).ExecuteDeleteAsync(ct)),
        new("messages",
            async (db, id, ct) => [.. await db.CaseMessages.AsNoTracking().Where(m => m.ApplicationId == id).OrderBy(m => m.Id)
                .Select(m => new { m.Id, m.AuthorSubject, m.AuthorName, m.Body, m.CreatedAt }).ToListAsync(ct)],
            (db, id, ct) => db.CaseMessages.Where(m => m.ApplicationId == id).ExecuteDeleteAsync(ct)),
        new("informationRequests",
            async (db, id, ct) => [.. await db.InformationRequests.AsNoTracking().Where(r => r.ApplicationId == id).OrderBy(r => r.Id)
                .Select(r => new { r.Id, r.Message, r.Answer, r.RequestedAt }).ToListAsync(ct)],
            (db, id, ct) => db.InformationRequests.Where(r => r.ApplicationId == id).ExecuteDeleteAsync(ct)),
        new("receipts",
            async (db, id, ct) => [.. await db.Receipts.AsNoTracking().Where(r => r.ApplicationId == id)
                .Select(r => new { r.ApplicationId, r.ReferenceNumber, r.Fingerprint, r.PdfSha256, r.IssuedAt }).ToListAsync(ct)],
            (db, id, ct) => db.Receipts.Where(r => r.ApplicationId == id).ExecuteDeleteAsync(ct)),
        new("paymentConfirmations",
            async (db, id, ct) => [.. await db.PaymentConfirmations.AsNoTracking().Where(c => c.ApplicationId == id).OrderBy(c => c.PaymentId)
                .Select(c => new { c.PaymentId, c.ReferenceNumber, c.Fingerprint, c.PdfSha256, c.IssuedAt }).ToListAsync(ct)],
            (db, id, ct) => db.PaymentConfirmations.Where(c => c.ApplicationId == id).ExecuteDeleteAsync(ct)),
        new("caseHistory",
            async (db, id, ct) => [.. await db.CaseHistory.AsNoTracking().Where(e => e.ApplicationId == id).OrderBy(e => e.Sequence)
                .Select(e => new { e.Id, e.Sequence, Kind = e.Kind.ToString(), e.ActorSubject, e.Reason, e.OccurredAt }).ToListAsync(ct)],
            (db, id, ct) => db.CaseHistory.Where(e => e.ApplicationId == id).ExecuteDeleteAsync(ct)),
        // After the history, whose entries name the notices they issued.
        new("decisionNotices",
            async (db, id, ct) => [.. await db.DecisionNotices.AsNoTracking().Where(n => n.ApplicationId == id).OrderBy(n => n.Id)
                .Select(n => new { n.Id, Kind = n.Kind.ToString(), n.Title, n.IssuedAt, n.IssuedBySubject, n.Sha256 }).ToListAsync(ct)],
            (db, id, ct) => db.DecisionNotices.Where(n => n.ApplicationId == id).ExecuteDeleteAsync(ct)),
        new("accessLog",
            async (db, id, ct) => [.. await db.CaseAccessLog.AsNoTracking().Where(e => e.ApplicationId == id).OrderBy(e => e.Id)
                .Select(e => new { e.Id, e.ActorSubject, e.Resource, e.At }).ToListAsync(ct)],
            (db, id, ct) => db.CaseAccessLog.Where(e => e.ApplicationId == id).ExecuteDeleteAsync(ct)),
    ];

    /// <summary>Accumulates the hash of a deletion record: per row, its kind, a tab and its JSON, then a line feed (UTF-8).</summary>
    internal sealed class Fingerprint : IDisposable
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public void Add(string kind, object row) =>
            _hash.AppendData(Encoding.UTF8.GetBytes($"{kind}\t{JsonSerializer.Serialize(row)}\n"));

        public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset());

        public void Dispose() => _hash.Dispose();
    }
}
