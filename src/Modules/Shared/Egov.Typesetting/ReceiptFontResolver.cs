using System.Reflection;
using PdfSharp.Fonts;

namespace Egov.Typesetting;

/// <summary>
/// PDFsharp's font resolver for receipts: DejaVu Sans regular and bold, read from this assembly's
/// embedded resources (<c>Fonts/</c> of this project, Bitstream Vera licence), never from system
/// fonts. Every family and style resolves to one of these faces (italic to upright), so text
/// always renders with a font that ships with Egov.
/// <para>
/// Family <see cref="LatinFamilyName"/> is a cut of the same faces to the Latin scripts (about 1,200
/// instead of 6,200 glyphs, same outlines and advance widths, made by <c>Fonts/make-latin-faces.py</c>):
/// PDFsharp copies per-glyph tables of the whole face into every subset it embeds, so a receipt whose
/// text fits the Latin faces embeds those (see <see cref="ReceiptGlyphs.FitsLatinFaces"/>).
/// </para>
/// <para>
/// PDFsharp keeps its font resolver process-wide (<see cref="GlobalFontSettings"/>) and refuses to
/// change it once fonts were used; <see cref="EnsureRegistered"/> installs this resolver once,
/// thread-safely, before the first receipt is rendered.
/// </para>
/// </summary>
internal sealed class ReceiptFontResolver : IFontResolver
{
    /// <summary>The family name receipts ask for.</summary>
    public const string FamilyName = "DejaVu Sans";

    /// <summary>The family of the Latin faces: a subset of <see cref="FamilyName"/> with the same metrics.</summary>
    public const string LatinFamilyName = "DejaVu Sans Latin";

    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";
    private const string LatinRegularFace = "DejaVuSansLatin";
    private const string LatinBoldFace = "DejaVuSansLatin-Bold";
    private const string ResourcePrefix = "Egov.Typesetting.Fonts.";

    private static readonly Lock Gate = new();
    private static readonly Lazy<byte[]> Regular = new(() => Load(RegularFace));
    private static readonly Lazy<byte[]> Bold = new(() => Load(BoldFace));
    private static readonly Lazy<byte[]> LatinRegular = new(() => Load(LatinRegularFace));
    private static readonly Lazy<byte[]> LatinBold = new(() => Load(LatinBoldFace));

    private ReceiptFontResolver()
    {
    }

    /// <summary>The one instance PDFsharp is given.</summary>
    public static ReceiptFontResolver Instance { get; } = new();

    /// <summary>
    /// Installs <see cref="Instance"/> as PDFsharp's global font resolver unless it is installed already.
    /// Safe to call from any number of threads, any number of times.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another font resolver is installed in this process.</exception>
    public static void EnsureRegistered()
    {
        if (ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
        {
            return;
        }

        lock (Gate)
        {
            var current = GlobalFontSettings.FontResolver;
            if (current is null)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
            else if (!ReferenceEquals(current, Instance))
            {
                throw new InvalidOperationException(
                    $"PDFsharp already uses the font resolver {current.GetType().FullName}; receipts need {nameof(ReceiptFontResolver)} (PDFsharp allows one per process).");
            }
        }
    }

    /// <inheritdoc />
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, LatinFamilyName, StringComparison.OrdinalIgnoreCase)
            ? new(bold ? LatinBoldFace : LatinRegularFace)
            : new(bold ? BoldFace : RegularFace);

    /// <inheritdoc />
    public byte[]? GetFont(string faceName) => faceName switch
    {
        RegularFace => Regular.Value,
        BoldFace => Bold.Value,
        LatinRegularFace => LatinRegular.Value,
        LatinBoldFace => LatinBold.Value,
        _ => null,
    };

    private static byte[] Load(string face)
    {
        var name = ResourcePrefix + face + ".ttf";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The receipt font resource {name} is missing from the build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
