namespace Egov.Modules.Announcements.Pages.Staff.Announcements;

/// <summary>
/// The editor's form as posted: plain strings, so that no input can fail model binding; the module's
/// handlers check everything (the page only joins date and time inputs).
/// </summary>
internal sealed class AnnouncementForm
{
    public string? Kind { get; set; }

    public string? TitleDe { get; set; }

    public string? SummaryDe { get; set; }

    public string? BodyDe { get; set; }

    public string? TitleEn { get; set; }

    public string? SummaryEn { get; set; }

    public string? BodyEn { get; set; }

    public List<string> Categories { get; set; } = [];

    public string? LegalEffectDate { get; set; }

    public string? EventStartDate { get; set; }

    public string? EventStartTime { get; set; }

    public string? EventEndDate { get; set; }

    public string? EventEndTime { get; set; }

    public string? EventPlace { get; set; }

    public string? CorrectionNote { get; set; }

    /// <summary>The version (ETag without quotes) the editor read; sent as If-Match.</summary>
    public string? Version { get; set; }

    public string? PublishDate { get; set; }

    public string? PublishTime { get; set; }

    public bool HasEnglish => !string.IsNullOrWhiteSpace(TitleEn) || !string.IsNullOrWhiteSpace(SummaryEn) || !string.IsNullOrWhiteSpace(BodyEn);
}
