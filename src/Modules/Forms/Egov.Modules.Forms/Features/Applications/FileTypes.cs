namespace Egov.Modules.Forms.Features.Applications;

/// <summary>
/// Recognises the file types an attachment may have by their magic numbers (the first bytes),
/// never by file name or the declared Content-Type. File names are cleaned by <see cref="Egov.SharedKernel.Files.UploadFileName"/>.
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
}
