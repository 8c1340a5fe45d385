namespace Egov.Modules.Announcements.Features.Authoring;

/// <summary>Settings of the Announcements module (section <c>Egov:Announcements</c>).</summary>
internal sealed class AnnouncementOptions
{
    public const string SectionName = "Egov:Announcements";

    private static readonly Dictionary<string, string> ExampleCategories = new(StringComparer.Ordinal)
    {
        ["traffic"] = "Verkehr und Baustellen",
        ["waste"] = "Abfall",
        ["culture"] = "Kultur",
        ["town-hall"] = "Rathaus",
        ["warnings"] = "Warnungen",
    };

    /// <summary>The city's categories as configured: code → German label. Configured codes replace the example list.</summary>
    public Dictionary<string, string> Categories { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The categories in force: the configured ones, or the example list when none are configured.</summary>
    public IReadOnlyDictionary<string, string> EffectiveCategories => Categories.Count > 0 ? Categories : ExampleCategories;

    /// <summary>Whether this instance runs the publication scheduler (default true; several instances may all run it safely).</summary>
    public bool SchedulerEnabled { get; set; } = true;

    /// <summary>How often the scheduler looks for due publications and expiries (default 15 s).</summary>
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Due announcements one scheduler round claims at most (default 100); the rest follow in the next round at once.</summary>
    public int SchedulerBatchSize { get; set; } = 100;

    /// <summary>Sender (CAP <c>sender</c>, an e-mail-like identifier) of the city's own alerts.</summary>
    public string AlertSender { get; set; } = "krisenstab@musterstadt.example";

    /// <summary>Default CAP <c>senderName</c> when an alert gives none.</summary>
    public string AlertSenderName { get; set; } = "Stadt Musterstadt – Krisenstab";
}
