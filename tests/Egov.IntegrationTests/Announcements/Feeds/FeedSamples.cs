using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Engines.Markdown;
using Egov.Modules.Announcements.Features.Authoring;

namespace Egov.IntegrationTests.Announcements.Feeds;

/// <summary>Announcements for the feed tests, built and published through the domain.</summary>
internal static class FeedSamples
{
    /// <summary>The address the test hosts are configured to be reached at (<c>Egov:PublicBaseAddress</c>), unlike the test server's own.</summary>
    public static readonly Uri PublicSite = new("https://service.musterstadt.example/");

    /// <summary>01:30 CEST (UTC+2) on Sunday 25 October 2026, the night the clocks go back.</summary>
    public static readonly DateTimeOffset DstNightStart = new(2026, 10, 24, 23, 30, 0, TimeSpan.Zero);

    /// <summary>04:00 CET (UTC+1) the same night: 3½ hours after <see cref="DstNightStart"/>, not 2½.</summary>
    public static readonly DateTimeOffset DstNightEnd = new(2026, 10, 25, 3, 0, 0, TimeSpan.Zero);

    public static AnnouncementVariant Variant(string language, string title, string summary, string bodyMarkdown) =>
        new(language, title, summary, bodyMarkdown, MarkdownRenderer.ToSafeHtml(bodyMarkdown));

    public static AnnouncementContent Content(AnnouncementVariant german, EventDetails? eventDetails = null, AlertDetails? alert = null, params AnnouncementVariant[] others) =>
        new([german, .. others], [], [], null, eventDetails, alert);

    /// <summary>A draft, approved where its kind needs it, published at <paramref name="at"/>.</summary>
    public static Announcement Published(AnnouncementKind kind, string slug, AnnouncementContent content, DateTimeOffset at, string[] categories, DateTimeOffset? expires = null)
    {
        var announcement = Announcement.CreateDraft(kind, slug, content, categories, AnnouncementSamples.Editor, at.AddHours(-1));
        if (announcement.NeedsApproval)
        {
            announcement.Approve(AnnouncementSamples.Approver, at.AddMinutes(-30));
        }

        announcement.PublishNow(expires, AnnouncementSamples.Editor, at);
        return announcement;
    }

    /// <summary>CAP content of a storm warning for the city centre.</summary>
    public static AlertDetails Storm(string msgType, DateTimeOffset onset, DateTimeOffset expires, params Guid[] references) => new(
        msgType, references, "Sturmböen", "Met", "Immediate", "Severe", "Likely", "Prepare",
        "Bleiben Sie in Gebäuden und meiden Sie Parks.", onset, expires, "Stadt Musterstadt – Krisenstab", null, null,
        [new AlertArea("Innenstadt", [], [], [new AlertGeocode("ARS", "051110000000")])]);

    /// <summary>The repository's <c>tests/testdata/feeds</c>: walks up from the test binaries to the folder holding <c>Egov.sln</c>.</summary>
    public static string SharedFeedTestData()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Egov.sln")))
        {
            directory = directory.Parent;
        }

        Assert.True(directory is not null, $"No Egov.sln above {AppContext.BaseDirectory}.");
        var feeds = Path.Combine(directory.FullName, "tests", "testdata", "feeds");
        Assert.True(Directory.Exists(feeds), $"The feed test files are missing: {feeds}.");
        return feeds;
    }
}
