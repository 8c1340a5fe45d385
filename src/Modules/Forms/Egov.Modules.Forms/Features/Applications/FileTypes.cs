using System.Text;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>
/// Recognises the file types an attachment may have by their magic numbers (the first bytes),
/// never by file name or the declared Content-Type, and sanitises file names for storage and display.
/// </summary>
internal static class FileTypes
{
    private static readonly (string MediaType, byte[] Signature)[] Signatures =
    [
        ("application/pdf", "%PDF-"u8.ToArray()),                                    // ISO 32000-2 §7.5.2
        ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),            // RFC 2083 §3.1
        ("image/jpeg", [0xFF, 0xD8, 0xFF]),                                          // JPEG SOI + first marker
        ("application/zip", [0x50, 0x4B, 0x03, 0x04]),                                // recognised only to name it in the refusal
        ("image/gif", "GIF8"u8.ToArray()),
    ];

    /// <summary>The media type the bytes are, or null when none of the known signatures matches.</summary>
    public static string? Detect(ReadOnlySpan<byte> content)
    {
        foreach (var (mediaType, signature) in Signatures)
        {
            if (content.StartsWith(signature))
            {
                return mediaType;
            }
        }

        return null;
    }

    /// <summary>The media type a file name's extension claims, or null for an extension we do not know.</summary>
    public static string? ClaimedByName(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".png" => "image/png",
        ".jpg" or ".jpeg" or ".jpe" => "image/jpeg",
        ".gif" => "image/gif",
        ".zip" => "application/zip",
        _ => null,
    };

    /// <summary>
    /// The last path segment of a client's file name, NFC-normalised, without control characters or
    /// <c>&lt;&gt;:"/\|?*</c>, without leading or trailing dots and spaces, at most 120 characters
    /// (the extension kept); <c>file</c> when nothing is left.
    /// </summary>
    public static string SanitizeFileName(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var builder = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsControl(c) && "<>:\"/\\|?*".IndexOf(c, StringComparison.Ordinal) < 0)
            {
                builder.Append(c);
            }
        }

        var clean = builder.ToString().Trim().Trim('.').Trim();
        if (clean.Length > 120)
        {
            var extension = Path.GetExtension(clean);
            clean = clean[..(120 - Math.Min(extension.Length, 20))] + extension[..Math.Min(extension.Length, 20)];
        }

        return clean.Length == 0 ? "file" : clean;
    }
}
