using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Egov.Modules.Forms.Features.Receipts;

/// <summary>
/// Renders a <see cref="ReceiptDocument"/> as PDF with PDFsharp 6.2.4: A4 portrait, 20 mm margins,
/// DejaVu Sans embedded as subsets (see <see cref="ReceiptFontResolver"/>), a QR code of the verification
/// address, "Seite x von y" on every page. The PDF is tagged (PDF/UA structure through PDFsharp's
/// <see cref="UAManager"/>: headings, paragraphs, tables with header cells, the QR code as a figure with
/// alternative text, page furniture as artifacts), has <c>/Lang</c> (de-DE or en-GB; English subtitles
/// marked as en-GB), displays its title, and carries Title, Author (the authority), Subject and Creator
/// "Egov" in its document information.
/// <para>
/// Thread-safe: one instance may render many receipts at once. Text the fonts cannot show is replaced
/// (see <see cref="ReceiptTypesetter"/>) and logged as a warning once per character per instance.
/// </para>
/// </summary>
internal sealed class ReceiptRenderer(ILogger<ReceiptRenderer>? logger = null)
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;
    private readonly ConcurrentDictionary<int, bool> _warned = new();

    /// <summary>The receipt as PDF bytes.</summary>
    /// <exception cref="ArgumentException">The verification address is too long for a QR code.</exception>
    /// <exception cref="InvalidOperationException">Another PDFsharp font resolver is installed in this process.</exception>
    public byte[] Render(ReceiptDocument receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ReceiptFontResolver.EnsureRegistered();
        var typesetter = new ReceiptTypesetter(_logger, _warned);
        var pages = ReceiptLayout.Lay(receipt, typesetter);

        using var document = new PdfDocument();
        var accessibility = UAManager.ForDocument(document);
        accessibility.SetDocumentLanguage(receipt.Language);
        document.Info.Title = receipt.Metadata.Title;
        document.Info.Author = receipt.Metadata.Author;
        document.Info.Subject = receipt.Metadata.Subject;
        document.Info.Creator = "Egov";
        document.ViewerPreferences.DisplayDocTitle = true;
        document.Options.CompressContentStreams = true;

        var canvas = new ReceiptCanvas(accessibility.StructureBuilder, ReceiptQrCode.Png(receipt.Verification.Url));
        try
        {
            foreach (var ops in pages)
            {
                var page = document.AddPage();
                page.Width = XUnit.FromPoint(ReceiptPageFlow.PageWidth);
                page.Height = XUnit.FromPoint(ReceiptPageFlow.PageHeight);
                using var graphics = XGraphics.FromPdfPage(page);
                canvas.Draw(graphics, ops);
            }
        }
        finally
        {
            canvas.Dispose();
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }
}
