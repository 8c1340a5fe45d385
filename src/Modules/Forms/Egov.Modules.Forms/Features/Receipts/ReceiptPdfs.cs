using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Catalog;
using Egov.Modules.Forms.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Receipts;

/// <summary>
/// Makes sure a receipt's PDF is stored: renders it from the stored submission when it is missing and
/// stores it with a conditional update (<c>WHERE pdf IS NULL</c>). Safe to run for one receipt in
/// several places at once (the background worker of any host instance, a download): rendering is
/// deterministic, so all of them produce the same bytes and the first one stored is kept.
/// </summary>
internal sealed class ReceiptPdfs(FormsDbContext db, ReceiptIssuer issuer, PublishedFormVersions forms)
{
    /// <summary>The receipt of <paramref name="applicationId"/> with its PDF, rendered now if it was still missing; null when it has no receipt.</summary>
    public async Task<Receipt?> RenderedAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        var receipt = await db.Receipts.AsNoTracking().FirstOrDefaultAsync(r => r.ApplicationId == applicationId, cancellationToken);
        if (receipt is null || receipt.IsRendered)
        {
            return receipt;
        }

        var application = await db.Applications.AsNoTracking().FirstAsync(a => a.Id == applicationId, cancellationToken);
        var version = await forms.GetAsync(db, application.FormId, application.FormVersion, cancellationToken);
        var attachments = await SubmittedAttachmentsAsync(db, applicationId, cancellationToken);
        var pdf = issuer.Render(receipt, application, version.Content, attachments);
        var hash = Receipt.Hash(pdf);
        var stored = await db.Receipts
            .Where(r => r.ApplicationId == applicationId && r.Pdf == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Pdf, pdf).SetProperty(r => r.PdfSha256, hash), cancellationToken);
        return stored == 1
            ? receipt.WithPdf(pdf, hash)
            : await db.Receipts.AsNoTracking().FirstAsync(r => r.ApplicationId == applicationId, cancellationToken);
    }

    /// <summary>
    /// Renders and stores the PDFs of the receipts of <paramref name="applicationIds"/> that have none
    /// yet, together: three reads for all of them, then one transaction, so one disk flush, for all the
    /// stores (each still conditional on <c>pdf IS NULL</c>; taken in id order, so two instances storing
    /// overlapping batches cannot deadlock). A receipt that fails to render is reported and left
    /// without PDF; the others are stored.
    /// </summary>
    /// <returns>How many PDFs this call stored, and the receipts that failed with their exception.</returns>
    public async Task<(int Stored, IReadOnlyList<(Guid ApplicationId, Exception Error)> Failed)> RenderManyAsync(
        IReadOnlyCollection<Guid> applicationIds, CancellationToken cancellationToken)
    {
        var receipts = await db.Receipts.AsNoTracking()
            .Where(r => applicationIds.Contains(r.ApplicationId) && r.Pdf == null)
            .OrderBy(r => r.ApplicationId)
            .ToListAsync(cancellationToken);
        if (receipts.Count == 0)
        {
            return (0, []);
        }

        var ids = receipts.ConvertAll(r => r.ApplicationId);
        var applications = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var files = (await db.Attachments.AsNoTracking()
                .Where(a => ids.Contains(a.ApplicationId) && a.InformationRequestId == null)
                .Select(a => new { a.ApplicationId, a.Slot, a.FileName, a.SizeBytes, a.Sha256 })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.ApplicationId, a => new ReceiptAttachment(a.Slot, a.FileName, a.SizeBytes, a.Sha256));

        var rendered = new List<(Guid Id, byte[] Pdf)>(receipts.Count);
        var failed = new List<(Guid, Exception)>();
        foreach (var receipt in receipts)
        {
            try
            {
                var application = applications[receipt.ApplicationId];
                var version = await forms.GetAsync(db, application.FormId, application.FormVersion, cancellationToken);
                rendered.Add((receipt.ApplicationId, issuer.Render(receipt, application, version.Content, [.. files[receipt.ApplicationId]])));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed.Add((receipt.ApplicationId, ex));
            }
        }

        var stored = 0;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var (id, pdf) in rendered)
            {
                var hash = Receipt.Hash(pdf);
                stored += await db.Receipts
                    .Where(r => r.ApplicationId == id && r.Pdf == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Pdf, pdf).SetProperty(r => r.PdfSha256, hash), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return (stored, failed);
    }

    /// <summary>The files submitted with the application (not those answering information requests later), as the receipt lists them.</summary>
    public static Task<List<ReceiptAttachment>> SubmittedAttachmentsAsync(FormsDbContext db, Guid applicationId, CancellationToken cancellationToken) =>
        db.Attachments.AsNoTracking()
            .Where(a => a.ApplicationId == applicationId && a.InformationRequestId == null)
            .Select(a => new ReceiptAttachment(a.Slot, a.FileName, a.SizeBytes, a.Sha256))
            .ToListAsync(cancellationToken);
}
