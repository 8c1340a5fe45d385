using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Egov.Typesetting;

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
public sealed class ReceiptRenderer(ILogger<ReceiptRenderer>? logger = null)
{
    private const int InitialOutputBuffer = 128 * 1024;
    private const int MaxKeptOutputBuffer = 1024 * 1024;

    private static readonly byte[][] SubsetTagKeys = ["/FontName"u8.ToArray(), "/BaseFont"u8.ToArray()];
    private static readonly byte[][] XmpIdKeys = ["<xmpMM:DocumentID>uuid:"u8.ToArray(), "<xmpMM:InstanceID>uuid:"u8.ToArray()];
    private static readonly System.Buffers.SearchValues<byte> UuidBytes = System.Buffers.SearchValues.Create("0123456789abcdef-"u8);

    [ThreadStatic]
    private static MemoryStream? _output;

    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;
    private readonly ConcurrentDictionary<int, bool> _warned = new();

    /// <summary>The receipt as PDF bytes.</summary>
    /// <exception cref="ArgumentException">The verification address is too long for a QR code.</exception>
    /// <exception cref="InvalidOperationException">Another PDFsharp font resolver is installed in this process.</exception>
    public byte[] Render(ReceiptDocument receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ReceiptFontResolver.EnsureRegistered();
        PdfSharpReflection.KeepAlive();
        var typesetter = new ReceiptTypesetter(_logger, _warned);
        var pages = ReceiptLayout.Lay(receipt, typesetter);

        using var document = new PdfDocument();
        var accessibility = UAManager.ForDocument(document);
        accessibility.SetDocumentLanguage(receipt.Language);
        document.Info.Title = receipt.Metadata.Title;
        document.Info.Author = receipt.Metadata.Author;
        document.Info.Subject = receipt.Metadata.Subject;
        document.Info.Creator = "Egov";

        // Deterministic output: PDFsharp stamps the clock and a random GUID otherwise, and a receipt
        // may be rendered more than once (after commit, on demand, by another host instance).
        var created = receipt.Metadata.CreatedAt.UtcDateTime;
        document.Info.CreationDate = created;
        document.Info.ModificationDate = created;
        var id = string.Concat(Convert.FromHexString(receipt.Metadata.DocumentId).Select(b => (char)b));
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;
        document.ViewerPreferences.DisplayDocTitle = true;
        document.Options.CompressContentStreams = true;

        // Receipts are rendered on the deadline-day path: fastest deflate costs about a fifth less
        // CPU per receipt for about a fifth more bytes (GewA 1: 85 KB instead of 72 KB).
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;

        var canvas = new ReceiptCanvas(accessibility.StructureBuilder, receipt.Verification is { } verification ? ReceiptQrCode.Png(verification.Url) : [], FontFamily(pages));
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

        var output = OutputBuffer();
        document.Save(output, closeStream: false);
        var pdf = output.ToArray();
        if (output.Capacity > MaxKeptOutputBuffer)
        {
            _output = null;
        }

        Stabilise(pdf, receipt.Metadata.DocumentId);
        return pdf;
    }

    /// <summary>
    /// The Latin faces when every text of the receipt fits them (nearly every receipt: German and the
    /// other languages written in Latin letters), else the full faces. A function of the text alone,
    /// so a receipt rendered twice gets the same faces and the same bytes.
    /// </summary>
    private static string FontFamily(IReadOnlyList<IReadOnlyList<ReceiptPageOp>> pages)
    {
        foreach (var ops in pages)
        {
            foreach (var op in ops)
            {
                if (op is ReceiptTextOp text && !ReceiptGlyphs.FitsLatinFaces(text.Style.Bold, text.Text))
                {
                    return ReceiptFontResolver.FamilyName;
                }
            }
        }

        return ReceiptFontResolver.LatinFamilyName;
    }

    /// <summary>
    /// This thread's output buffer, emptied. A receipt is 60–120 KB; writing it into a fresh
    /// <see cref="MemoryStream"/> grew the buffer by doubling (about 250 KB of discarded arrays per receipt),
    /// so each thread keeps its buffer between receipts and only the final copy is allocated. A buffer
    /// grown past 1 MB by an unusually long receipt is let go after that receipt.
    /// </summary>
    private static MemoryStream OutputBuffer()
    {
        var output = _output ??= new MemoryStream(InitialOutputBuffer);
        output.SetLength(0);
        return output;
    }

    /// <summary>
    /// Replaces what PDFsharp 6.2.4 draws from a random number generator and offers no setting for:
    /// the six-letter tags of the font subsets (PDF 32000-1, 9.6.4) and the XMP document and
    /// instance ids. Both sit in uncompressed dictionaries and the metadata stream; the replacements
    /// have the same length, so the cross-reference offsets stay right.
    /// </summary>
    internal static void Stabilise(byte[] pdf, string documentId)
    {
        // Found on the bytes: a Latin-1 copy of the whole file as text cost twice its size per receipt.
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var index in SubsetTagPositions(pdf))
        {
            var found = Encoding.ASCII.GetString(pdf, index, 6);
            if (!tags.TryGetValue(found, out var tag))
            {
                // Different subsets get different tags, as the standard asks: derived from the
                // document id and the subset's order in the file.
                var hash = System.Security.Cryptography.SHA256.HashData(Encoding.ASCII.GetBytes($"{documentId}/{tags.Count}"));
                tag = string.Concat(hash.Take(6).Select(b => (char)('A' + (b % 26))));
                tags[found] = tag;
            }

            Encoding.ASCII.GetBytes(tag, 0, 6, pdf, index);
        }

        var uuid = new Guid(documentId).ToString("D");
        foreach (var key in XmpIdKeys)
        {
            foreach (var index in Occurrences(pdf, key))
            {
                if (index + 36 < pdf.Length && pdf[index + 36] == (byte)'<'
                    && pdf.AsSpan(index, 36).IndexOfAnyExcept(UuidBytes) < 0)
                {
                    Encoding.ASCII.GetBytes(uuid, 0, uuid.Length, pdf, index);
                }
            }
        }
    }

    /// <summary>
    /// Where the six-letter tags of <c>/FontName /ABCDEF+…</c> and <c>/BaseFont /ABCDEF+…</c> start
    /// (white space allowed before the name), in file order.
    /// </summary>
    private static List<int> SubsetTagPositions(byte[] pdf)
    {
        var positions = new List<int>();
        foreach (var key in SubsetTagKeys)
        {
            foreach (var start in Occurrences(pdf, key))
            {
                var index = start;
                while (index < pdf.Length && pdf[index] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or 0)
                {
                    index++;
                }

                if (index + 8 <= pdf.Length && pdf[index] == (byte)'/' && pdf[index + 7] == (byte)'+'
                    && pdf.AsSpan(index + 1, 6).IndexOfAnyExceptInRange((byte)'A', (byte)'Z') < 0)
                {
                    positions.Add(index + 1);
                }
            }
        }

        positions.Sort();
        return positions;
    }

    /// <summary>The positions just after each occurrence of <paramref name="key"/>.</summary>
    private static IEnumerable<int> Occurrences(byte[] pdf, byte[] key)
    {
        var from = 0;
        int found;
        while ((found = pdf.AsSpan(from).IndexOf(key)) >= 0)
        {
            from += found + key.Length;
            yield return from;
        }
    }
}
