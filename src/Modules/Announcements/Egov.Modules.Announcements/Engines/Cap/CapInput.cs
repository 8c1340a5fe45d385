namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>Reads a document into memory with a size bound, so a hostile feed cannot exhaust memory.</summary>
internal static class CapInput
{
    /// <summary>
    /// The largest document read, in bytes (1 MiB). Real alerts are a few kilobytes; one with
    /// detailed polygons for a whole district stays well below this.
    /// </summary>
    public const int MaxDocumentBytes = 1024 * 1024;

    /// <summary>All bytes of <paramref name="stream"/>, or <see langword="null"/> if there are more than <see cref="MaxDocumentBytes"/>.</summary>
    public static byte[]? ReadBounded(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxDocumentBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The refusal for a document over the bound.</summary>
    public static CapReadResult TooLarge() =>
        CapReadResult.Refused($"is larger than {MaxDocumentBytes} bytes, the most an alert may have here");
}
