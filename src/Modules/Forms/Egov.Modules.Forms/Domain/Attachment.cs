using Egov.SharedKernel.Work;

namespace Egov.Modules.Forms.Domain;

/// <summary>What the malware scan said about a file; staff see only <see cref="Clean"/> and <see cref="Unscanned"/> files.</summary>
internal enum AttachmentScanStatus
{
    /// <summary>No scanner is configured (zero-setup development); stored as received.</summary>
    Unscanned = 0,

    /// <summary>The scanner found nothing.</summary>
    Clean = 1,

    /// <summary>The scanner could not be reached at upload; held until a rescan finds it clean.</summary>
    Pending = 2,

    /// <summary>A rescan found malware: the content is removed, the row stays so the applicant learns why.</summary>
    Infected = 3,
}

/// <summary>A file uploaded into an attachment slot of an application; leased while a pending scan is retried.</summary>
internal sealed class Attachment : ILeasedRow
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

    public AttachmentScanStatus ScanStatus { get; private set; }

    /// <summary>The signature clamd named, once a rescan found the file infected.</summary>
    public string? ScanSignature { get; private set; }

    /// <summary>When the last verdict came (UTC); null while unscanned or pending.</summary>
    public DateTimeOffset? ScannedAt { get; private set; }

    /// <inheritdoc />
    public DateTimeOffset? LockedUntil { get; private set; }

    /// <inheritdoc />
    public string? LockOwner { get; private set; }

    /// <summary>Whether staff may see and download the file: clean, or stored where no scanner is configured.</summary>
    public bool VisibleToStaff => ScanStatus is AttachmentScanStatus.Clean or AttachmentScanStatus.Unscanned;

    public static Attachment Create(
        Guid applicationId, string slot, string fileName, string mediaType, byte[] content, DateTimeOffset now,
        AttachmentScanStatus scan, Guid? informationRequestId = null) => new()
    {
        ScanStatus = scan,
        ScannedAt = scan == AttachmentScanStatus.Clean ? now : null,
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
