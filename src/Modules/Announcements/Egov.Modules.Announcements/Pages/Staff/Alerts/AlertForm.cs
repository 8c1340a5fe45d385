namespace Egov.Modules.Announcements.Pages.Staff.Alerts;

/// <summary>The alert form as posted (plain strings: no input fails binding; the module checks everything).</summary>
internal sealed class AlertForm
{
    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? Description { get; set; }

    public string? Instruction { get; set; }

    public string? Event { get; set; }

    public string? Category { get; set; } = "Safety";

    public string? Urgency { get; set; } = "Immediate";

    public string? Severity { get; set; } = "Severe";

    public string? Certainty { get; set; } = "Likely";

    public string? ResponseType { get; set; } = "Prepare";

    public string? OnsetDate { get; set; }

    public string? OnsetTime { get; set; }

    public string? ExpiresDate { get; set; }

    public string? ExpiresTime { get; set; }

    public string? AreaDescription { get; set; }

    /// <summary>Amtliche Regionalschlüssel (ARS), separated by commas or spaces.</summary>
    public string? RegionalKeys { get; set; }

    public string? SenderName { get; set; }

    /// <summary>The version (ETag without quotes) read; sent as If-Match.</summary>
    public string? Version { get; set; }
}
