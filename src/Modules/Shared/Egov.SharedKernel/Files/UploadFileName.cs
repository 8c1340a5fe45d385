using System.Globalization;
using System.Text;

namespace Egov.SharedKernel.Files;

/// <summary>
/// The name under which an uploaded file is stored, shown to staff and offered for download, made from the
/// name the client sent. Every upload path uses it (Forms attachments through the API, the portal and
/// information-request answers; Outreach post media), so a name is cleaned the same way everywhere.
/// </summary>
/// <remarks>
/// Why: a client chooses the name freely. <c>Fahrzeugschein\u202Egnp.exe</c> (U+202E RIGHT-TO-LEFT OVERRIDE)
/// displays as "Fahrzeugscheinexe.png" — the bidirectional-text spoofing of Unicode Technical Report #36
/// (Unicode Security Considerations) §2.1 and CWE-451; zero-width characters hide differences between names;
/// control characters corrupt logs and terminals; a path (<c>../../x</c>, <c>C:\x</c>) must never reach a
/// file system. The content, not the name, decides the file type elsewhere.
/// </remarks>
public static class UploadFileName
{
    /// <summary>The longest name returned, in UTF-16 code units (fits every column that stores one).</summary>
    public const int MaxLength = 120;

    /// <summary>An extension longer than this (with its dot) is not kept when the name is cut.</summary>
    private const int MaxExtensionLength = 20;

    /// <summary>
    /// The cleaned name: the last segment after any <c>/</c> or <c>\</c>, without control characters (C0 and C1,
    /// Unicode category Cc), format characters (Cf: the bidirectional controls U+061C, U+200E, U+200F,
    /// U+202A–U+202E, U+2066–U+2069 of Unicode Standard Annex #9, zero-width space and joiners, soft hyphen,
    /// byte order mark), line and paragraph separators, private-use and unassigned code points, lone surrogates,
    /// U+FFFD and the characters Windows refuses in names (<c>&lt;&gt;:"|?*</c>); every other kind of space as one
    /// plain space; normalised to NFC (Unicode Standard Annex #15); without leading or trailing spaces and dots;
    /// at most <see cref="MaxLength"/> code units, cut between grapheme clusters with the extension kept.
    /// </summary>
    /// <param name="name">The name the client sent (multipart <c>filename</c>), or null.</param>
    /// <param name="fallback">The name when nothing is left (<c>file</c>, or e.g. <c>image</c>); used as given.</param>
    /// <exception cref="ArgumentException"><paramref name="fallback"/> is empty or white space.</exception>
    public static string Sanitize(string? name, string fallback = "file")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fallback);
        var kept = new StringBuilder(name?.Length ?? 0);
        foreach (var rune in (name ?? "").EnumerateRunes())
        {
            // EnumerateRunes yields U+FFFD for a lone surrogate, so it goes with the real U+FFFD.
            if (rune == Rune.ReplacementChar || IsRemoved(Rune.GetUnicodeCategory(rune)) || (rune.IsBmp && "<>:\"|?*".Contains((char)rune.Value, StringComparison.Ordinal)))
            {
                continue;
            }

            if (Rune.IsWhiteSpace(rune))
            {
                if (kept.Length > 0 && kept[^1] != ' ')
                {
                    kept.Append(' ');
                }

                continue;
            }

            kept.Append(rune.ToString());
        }

        var segment = kept.ToString().Normalize(NormalizationForm.FormC).Split('/', '\\')[^1];
        var clean = Shorten(segment.Trim(' ', '.'));
        return clean.Length == 0 ? fallback : clean;
    }

    private static bool IsRemoved(UnicodeCategory category) => category
        is UnicodeCategory.Control
        or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator
        or UnicodeCategory.ParagraphSeparator
        or UnicodeCategory.PrivateUse
        or UnicodeCategory.OtherNotAssigned
        or UnicodeCategory.Surrogate;

    private static string Shorten(string name)
    {
        if (name.Length <= MaxLength)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        if (extension.Length > MaxExtensionLength)
        {
            extension = "";
        }

        var stem = name[..^extension.Length];
        var room = MaxLength - extension.Length;
        var length = 0;
        while (length < stem.Length)
        {
            var next = StringInfo.GetNextTextElementLength(stem.AsSpan(length));
            if (length + next > room)
            {
                break;
            }

            length += next;
        }

        return stem[..length].TrimEnd(' ', '.') + extension;
    }
}
