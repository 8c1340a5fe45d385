namespace Egov.Modules.Outreach.Domain.Posts;

/// <summary>An image uploaded for a post (PNG, JPEG, GIF or WebP, recognised by its first bytes).</summary>
internal sealed class PostMedia
{
    public Guid Id { get; set; }

    public Guid PostId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    /// <summary>Size in bytes.</summary>
    public long Length { get; set; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public required string UploadedBySubject { get; set; }
}
