namespace Egov.Modules.Forms.Domain;

/// <summary>A file uploaded into an attachment slot of an application.</summary>
internal sealed class Attachment
{
    private Attachment()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    /// <summary>Name of the form version's attachment slot.</summary>
    public string Slot { get; private set; } = "";

    /// <summary>The client's file name, sanitised for storage and display.</summary>
    public string FileName { get; private set; } = "";

    /// <summary>Media type detected from the file's bytes (magic numbers), never from its name.</summary>
    public string MediaType { get; private set; } = "";

    public long SizeBytes { get; private set; }

    /// <summary>SHA-256 of the content, lowercase hex (64 characters).</summary>
    public string Sha256 { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>Set for files that answer an information request (uploaded after submission).</summary>
    public Guid? InformationRequestId { get; private set; }

    public static Attachment Create(
        Guid applicationId, string slot, string fileName, string mediaType, byte[] content, DateTimeOffset now, Guid? informationRequestId = null) => new()
    {
        InformationRequestId = informationRequestId,
        Id = Guid.CreateVersion7(now),
        ApplicationId = applicationId,
        Slot = slot,
        FileName = fileName,
        MediaType = mediaType,
        SizeBytes = content.LongLength,
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
        Content = content,
        UploadedAt = now,
    };
}
