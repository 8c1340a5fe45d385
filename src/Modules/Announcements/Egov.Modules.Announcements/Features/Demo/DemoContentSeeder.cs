using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Engines.Markdown;
using Egov.Modules.Announcements.Features.Authoring;
using Egov.Modules.Announcements.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Egov.Modules.Announcements.Features.Demo;

/// <summary>
/// Fills an empty development portal with something to look at: two news items, an event next week,
/// an official notice and an expired storm alert, all from "Musterstadt". Written straight through the
/// Announcements domain (like a migration's seed): no integration events, so nothing is pushed or
/// cross-posted. Registered only when <see cref="DemoContentOptions.Enabled"/>; runs once at start, after
/// the migrations, when the announcements table is empty.
/// </summary>
internal sealed class DemoContentSeeder(IServiceScopeFactory scopes, TimeProvider time, ILogger<DemoContentSeeder> logger)
    : IHostedService
{
    private static readonly ContentActor Editor = new("demo-editor", "Eva Redakteurin", IsEditor: true, IsApprover: false, IsCrisisManager: false);
    private static readonly ContentActor Approver = new("demo-approver", "Paul Pressesprecher", IsEditor: false, IsApprover: true, IsCrisisManager: false);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The host starts its services side by side but runs each one's synchronous beginning in turn:
        // yielding first lets this seeding run beside the others and the web server (issue 17).
        await Task.Yield();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>();
        if (await db.Announcements.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        db.Announcements.AddRange(Demo(now));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo content seeded: announcements of the example city Musterstadt (Egov:Demo:Enabled).");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static IEnumerable<Announcement> Demo(DateTimeOffset now)
    {
        yield return Published(AnnouncementKind.News, "buergerbuero-donnerstags-bis-19-uhr", now.AddDays(-1),
            Text("Bürgerbüro donnerstags bis 19 Uhr geöffnet", "Ab sofort länger geöffnet: Termine auch am Abend.",
                "Das Bürgerbüro im Rathaus ist ab sofort **donnerstags bis 19 Uhr** geöffnet. Termine können online gebucht werden."),
            ["town-hall"]);
        yield return Published(AnnouncementKind.News, "neue-gelbe-tonnen-ab-januar", now.AddDays(-3),
            Text("Neue Gelbe Tonnen ab Januar", "Die Gelben Säcke werden durch Tonnen ersetzt.",
                "Ab Januar holt die Stadt Verpackungen in **Gelben Tonnen** ab. Die Tonnen werden im Dezember verteilt."),
            ["waste"]);
        var start = now.AddDays(7).Date.AddHours(15);
        yield return Published(AnnouncementKind.Event, "weihnachtsmarkt-auf-dem-marktplatz", now.AddDays(-2),
            Text("Weihnachtsmarkt auf dem Marktplatz", "Eröffnung mit dem Bürgermeisterinnen-Chor.", "Der Weihnachtsmarkt öffnet mit Musik und Ständen der Vereine.")
                with { Event = new EventDetails(new DateTimeOffset(start, TimeSpan.Zero), new DateTimeOffset(start.AddHours(6), TimeSpan.Zero), "Marktplatz, 12345 Musterstadt") },
            ["culture"]);
        yield return Published(AnnouncementKind.OfficialNotice, "haushaltssatzung-2027", now.AddDays(-4),
            Text("Haushaltssatzung der Stadt Musterstadt für das Jahr 2027", "Öffentliche Bekanntmachung der Haushaltssatzung.",
                "Der Rat der Stadt Musterstadt hat die Haushaltssatzung für das Jahr 2027 beschlossen. Sie liegt im Rathaus zur Einsicht aus."),
            ["town-hall"], approve: true);

        // An alert that was in force last week and has expired: the alert page and the feeds show a past warning.
        var storm = new AlertDetails(
            "Alert", [], "Sturmböen", "Met", "Immediate", "Severe", "Likely", "Prepare",
            "Bleiben Sie in Gebäuden und meiden Sie Parks.", now.AddDays(-8), now.AddDays(-7), "Stadt Musterstadt – Krisenstab", null, null,
            [new AlertArea("Stadtgebiet", [], [], [new AlertGeocode("ARS", "051110000000")])]);
        var alert = Announcement.CreateDraft(AnnouncementKind.Alert, "sturmwarnung-stadtgebiet",
            Text("Sturmwarnung für das Stadtgebiet", "Sturmböen bis 90 km/h erwartet.", "Meiden Sie Parks und Wälder.") with { Alert = storm },
            ["warnings"], Editor, now.AddDays(-8));
        alert.Approve(Approver, now.AddDays(-8));
        alert.PublishNow(now.AddDays(-7), Editor, now.AddDays(-8));
        alert.ExpireIfDue(now);
        yield return alert;
    }

    private static Announcement Published(AnnouncementKind kind, string slug, DateTimeOffset at, AnnouncementContent content, string[] categories, bool approve = false)
    {
        var announcement = Announcement.CreateDraft(kind, slug, content, categories, Editor, at.AddMinutes(-30));
        if (approve)
        {
            announcement.Approve(Approver, at.AddMinutes(-10));
        }

        announcement.PublishNow(null, Editor, at);
        return announcement;
    }

    private static AnnouncementContent Text(string title, string summary, string markdown) =>
        new([new AnnouncementVariant("de", title, summary, markdown, MarkdownRenderer.ToSafeHtml(markdown))], [], [], null, null, null);
}
