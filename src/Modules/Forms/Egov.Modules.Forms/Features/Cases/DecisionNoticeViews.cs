using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Cases;

/// <summary>A decision notice issued on a case, without its bytes.</summary>
/// <param name="Id">Notice id.</param>
/// <param name="Kind"><c>approval</c>, <c>rejection</c> or <c>partial</c>.</param>
/// <param name="Title">The notice's heading as printed.</param>
/// <param name="IssuedAt">UTC; the notice is dated this instant's day in Europe/Berlin.</param>
/// <param name="Sha256">SHA-256 of the PDF, 64 lowercase hex digits: compare it with the downloaded file's.</param>
/// <param name="SizeBytes">Size of the PDF in bytes.</param>
/// <param name="Url">Where the caller downloads the PDF (relative to the site).</param>
internal sealed record DecisionNoticeResponse(Guid Id, string Kind, string Title, DateTimeOffset IssuedAt, string Sha256, long SizeBytes, string Url);

/// <summary>A notice's PDF with what its download needs.</summary>
/// <param name="Pdf">The bytes as issued.</param>
/// <param name="Sha256">Their SHA-256, lowercase hex.</param>
/// <param name="FileName">E.g. <c>Bescheid-EGOV-2026-000001.pdf</c>.</param>
internal sealed record DecisionNoticeFile(byte[] Pdf, string Sha256, string FileName)
{
    /// <summary>The strong ETag of the download.</summary>
    public string ETag => $"\"{Sha256}\"";
}

/// <summary>
/// Reads of decision notices shared by the staff and the applicant's side (here, with the case they
/// belong to, so that the case and application views list them without importing Features/Decisions).
/// </summary>
internal static class DecisionNotices
{
    /// <summary>The notices of a case, oldest first; <paramref name="baseUrl"/> is the case's or the application's API address.</summary>
    public static async Task<IReadOnlyList<DecisionNoticeResponse>> ListAsync(FormsDbContext db, Guid applicationId, string baseUrl, CancellationToken cancellationToken) =>
        (await db.DecisionNotices.AsNoTracking()
            .Where(n => n.ApplicationId == applicationId)
            .OrderBy(n => n.IssuedAt).ThenBy(n => n.Id)
            .Select(n => new { n.Id, n.Kind, n.Title, n.IssuedAt, n.Sha256, Size = n.Pdf.Length })
            .ToListAsync(cancellationToken))
        .ConvertAll(n => new DecisionNoticeResponse(n.Id, n.Kind.ApiName(), n.Title, n.IssuedAt, n.Sha256, n.Size, $"{baseUrl}/decision-notices/{n.Id}"));

    /// <summary>The PDF of notice <paramref name="noticeId"/> of the case, or null when the case has no such notice.</summary>
    public static async Task<DecisionNoticeFile?> FileAsync(FormsDbContext db, Application application, Guid noticeId, CancellationToken cancellationToken)
    {
        var notice = await db.DecisionNotices.AsNoTracking()
            .Where(n => n.Id == noticeId && n.ApplicationId == application.Id)
            .Select(n => new { n.Pdf, n.Sha256 })
            .FirstOrDefaultAsync(cancellationToken);
        return notice is null ? null : new DecisionNoticeFile(notice.Pdf, notice.Sha256, $"Bescheid-{application.ReferenceNumber}.pdf");
    }
}
