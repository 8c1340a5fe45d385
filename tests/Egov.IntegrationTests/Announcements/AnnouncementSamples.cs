using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Engines.Markdown;
using Egov.Modules.Announcements.Features.Authoring;

namespace Egov.IntegrationTests.Announcements;

/// <summary>Announcements built through the domain, for tests that need data in place.</summary>
internal static class AnnouncementSamples
{
    public static readonly ContentActor Editor = new("dev-staff-editor", "Eva Redakteurin", IsEditor: true, IsApprover: false, IsCrisisManager: false);

    public static readonly ContentActor Approver = new("dev-staff-approver", "Paul Pressesprecher", IsEditor: false, IsApprover: true, IsCrisisManager: false);

    public static AnnouncementContent Content(string title, string body = "Body") =>
        new([new AnnouncementVariant("de", title, $"{title} summary", body, MarkdownRenderer.ToSafeHtml(body))], [], [], null, null, null);

    public static Announcement Draft(AnnouncementKind kind, string title, DateTimeOffset at, params string[] categories) =>
        Announcement.CreateDraft(kind, AnnouncementContentFactory.Slugify(title), Content(title), categories, Editor, at);

    /// <summary>A draft approved where needed and published at <paramref name="at"/>.</summary>
    public static Announcement Published(AnnouncementKind kind, string title, DateTimeOffset at, DateTimeOffset? expires = null, params string[] categories)
    {
        var announcement = Draft(kind, title, at.AddHours(-1), categories.Length == 0 ? ["town-hall"] : categories);
        if (announcement.NeedsApproval)
        {
            announcement.Approve(Approver, at.AddMinutes(-30));
        }

        announcement.PublishNow(expires, Editor, at);
        return announcement;
    }

    /// <summary>Publishes a news draft and returns its <see cref="AnnouncementPublishedIntegrationEvent"/>.</summary>
    public static AnnouncementPublishedIntegrationEvent PublishNews(string title, DateTimeOffset at, params string[] categories) =>
        Draft(AnnouncementKind.News, title, at, categories).PublishNow(null, Editor, at).OfType<AnnouncementPublishedIntegrationEvent>().Single();
}
