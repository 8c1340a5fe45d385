namespace Egov.Modules.Outreach.Domain.Alerts;

/// <summary>
/// A crisis alert that is in force, as Outreach learned it from the Announcements module's events.
/// While one is active, scheduled non-crisis posts are held (configurable), so that a cheerful post
/// does not go out in the middle of a storm warning.
/// </summary>
internal sealed class ActiveAlert
{
    public Guid AlertId { get; set; }

    public required string Headline { get; set; }

    /// <summary>CAP severity: Extreme, Severe, Moderate, Minor, Unknown.</summary>
    public required string Severity { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    /// <summary>When it expires (UTC); after that it no longer holds posts.</summary>
    public DateTimeOffset Expires { get; set; }
}
