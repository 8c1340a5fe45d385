namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>Recognises the image formats every platform accepts by their signatures (magic numbers).</summary>
internal static class ImageTypes
{
    /// <summary>The media type of <paramref name="content"/>, or null when it is none of PNG, JPEG, GIF, WebP.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8) ? "image/gif"
        : content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;
}
