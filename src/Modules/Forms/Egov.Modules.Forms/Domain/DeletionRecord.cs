namespace Egov.Modules.Forms.Domain;

/// <summary>
/// Proof that the retention job ended an application's personal data (GDPR Art. 5(2)
/// accountability): which application, by which rule, what was removed and a hash of it. Holds no
/// personal data itself and has no foreign key, so it outlives what it describes.
/// </summary>
internal sealed class DeletionRecord
{
    private DeletionRecord()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The application that was deleted or stripped.</summary>
    public Guid ApplicationId { get; private set; }

    /// <summary>Its reference number; null for a draft (never submitted).</summary>
    public string? ReferenceNumber { get; private set; }

    public string FormKey { get; private set; } = "";

    public int FormVersion { get; private set; }

    /// <summary><c>delete</c> (nothing of the application is left) or <c>strip</c> (the statistical row is left).</summary>
    public string Action { get; private set; } = "";

    /// <summary>The rule that applied, e.g. <c>retention: 3650 days after closing</c> or <c>abandoned draft: 30 days without change</c>.</summary>
    public string Rule { get; private set; } = "";

    /// <summary>JSON object: kind of data → number of rows removed, e.g. <c>{"attachments":2,"messages":1,"application":1}</c>.</summary>
    public string Removed { get; private set; } = "{}";

    /// <summary>SHA-256 (lowercase hex) over what was removed, as <see cref="Features.Retention.RetentionParts"/> serialises it.</summary>
    public string Sha256 { get; private set; } = "";

    /// <summary>UTC.</summary>
    public DateTimeOffset DeletedAt { get; private set; }

    /// <summary>The worker that did it (host/process/worker), for the operator.</summary>
    public string DeletedBy { get; private set; } = "";

    public static DeletionRecord Create(
        Application application, string action, string rule, string removed, string sha256, DateTimeOffset now, string by) => new()
    {
        Id = Guid.CreateVersion7(now),
        ApplicationId = application.Id,
        ReferenceNumber = application.ReferenceNumber,
        FormKey = application.FormKey,
        FormVersion = application.FormVersion,
        Action = action,
        Rule = rule,
        Removed = removed,
        Sha256 = sha256,
        DeletedAt = now,
        DeletedBy = by,
    };
}
