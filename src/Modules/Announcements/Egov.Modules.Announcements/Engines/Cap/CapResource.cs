namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>A supplemental file such as an image or audio clip (<c>&lt;resource&gt;</c>, CAP 1.2 §3.2.3).</summary>
internal sealed record CapResource
{
    /// <summary>Text describing the type and content of the resource (<c>resourceDesc</c>); never empty.</summary>
    public required string Description { get; init; }

    /// <summary>MIME content type (RFC 2046), required in CAP 1.2 (optional in 1.1).</summary>
    public required string MimeType { get; init; }

    /// <summary>Approximate size in bytes, zero or more.</summary>
    public long? Size { get; init; }

    /// <summary>URI of the resource: absolute, or relative naming the content of <see cref="DerefUri"/>.</summary>
    public string? Uri { get; init; }

    /// <summary>The resource content itself, base64-encoded, for one-way links without retrieval.</summary>
    public string? DerefUri { get; init; }

    /// <summary>SHA-1 digest of the resource file (FIPS 180-2), as sent.</summary>
    public string? Digest { get; init; }
}
