using System.Net;
using System.Net.Sockets;
using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Engines.Markdown;
using Egov.Modules.Announcements.Features.Authoring;
using Egov.Modules.Announcements.Persistence;
using Egov.Testing;
using Egov.Testing.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Egov.BrowserTests;

/// <summary>
/// The real host on a Kestrel port of 127.0.0.1 (a browser cannot reach the in-memory test server),
/// on its own PostgreSQL database, with the development provider's issuer at that address, plus one
/// headless Debian Chromium driven by Playwright. Shared by all browser tests (one collection).
/// </summary>
public class PortalHost : EgovApplicationFactory
{
    /// <summary>Debian's chromium; <c>.ci/run</c> installs it. Playwright's own browser download is never used.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private readonly int _port = FreePort();
    private IPlaywright? _playwright;

    /// <summary>Where the browser reaches the host, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public override Uri PublicBaseAddress => new($"http://127.0.0.1:{_port}/");

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The payment provider: a fake Stripe on 127.0.0.1 whose hosted page the browser pays on.</summary>
    public FakeStripe Stripe { get; } = new();

    /// <summary>The slug of a published news item seeded at start.</summary>
    public const string NewsSlug = "neue-oeffnungszeiten-im-buergerbuero";

    /// <summary>The slug of an alert in force, seeded at start (shown in the banner).</summary>
    public const string AlertSlug = "sturmwarnung-innenstadt";

    public override async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The browser tests need Debian's chromium at {ChromiumPath}: apt-get install chromium (bash .ci/run does).");
        }

        // Started before the host: its address goes into the host's settings.
        await Stripe.StartAsync();
        Stripe.WebhookEndpoint = new Uri(PublicBaseAddress, "api/v1/payments/notifications/stripe");
        await base.InitializeAsync();
        UseKestrel(options => options.Listen(IPAddress.Loopback, _port));
        StartServer();
        await SeedAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
    }

    /// <summary>A fresh browser context (own cookies) that speaks German unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(string locale = "de-DE")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = PublicBaseAddress.ToString(),
            Locale = locale,
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // Generous: a loaded 2-core CI machine renders slowly; a real failure still fails, only later.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(120_000);
        return await context.NewPageAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Egov:PublicBaseAddress", PublicBaseAddress.ToString());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        // Outreach channels may point at the fake platforms of Egov.Testing on 127.0.0.1 (plain http).
        builder.UseSetting("Egov:Outreach:AllowLoopbackHttp", "true");

        builder.UseSetting("Egov:Payments:Stripe:ApiBase", Stripe.BaseAddress.ToString());
        builder.UseSetting("Egov:Payments:Stripe:SecretKey", Stripe.SecretKey);
        builder.UseSetting("Egov:Payments:Stripe:WebhookSecret", Stripe.WebhookSecret);
    }

    /// <summary>Seeds what the tests of the shared collection expect: one news item and one alert in force.</summary>
    protected virtual async Task SeedAsync()
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>();
        var editor = new ContentActor("dev-staff-editor", "Eva Redakteurin", IsEditor: true, IsApprover: false, IsCrisisManager: false);
        var now = DateTimeOffset.UtcNow;
        const string body = "Das Bürgerbüro ist ab **Montag** auch donnerstags bis 19 Uhr geöffnet.";
        var content = new AnnouncementContent(
            [new AnnouncementVariant("de", "Neue Öffnungszeiten im Bürgerbüro", "Donnerstags länger geöffnet.", body, MarkdownRenderer.ToSafeHtml(body))],
            [], [], null, null, null);
        var news = Announcement.CreateDraft(AnnouncementKind.News, NewsSlug, content, ["town-hall"], editor, now.AddMinutes(-10));
        news.PublishNow(null, editor, now.AddMinutes(-5));
        db.Announcements.Add(news);

        // An alert in force, for the banner on every page.
        var approver = new ContentActor("dev-staff-approver", "Paul Pressesprecher", IsEditor: false, IsApprover: true, IsCrisisManager: false);
        var storm = new AlertDetails(
            "Alert", [], "Sturmböen", "Met", "Immediate", "Severe", "Likely", "Prepare",
            "Bleiben Sie in Gebäuden und meiden Sie Parks.", now.AddMinutes(-5), now.AddDays(1), "Stadt Musterstadt – Krisenstab", null, null,
            [new AlertArea("Innenstadt", [], [], [new AlertGeocode("ARS", "051110000000")])]);
        var alertContent = new AnnouncementContent(
            [new AnnouncementVariant("de", "Sturmwarnung für die Innenstadt", "Sturmböen bis 90 km/h erwartet.", "Meiden Sie Parks.", MarkdownRenderer.ToSafeHtml("Meiden Sie Parks."))],
            [], [], null, null, storm);
        var alert = Announcement.CreateDraft(AnnouncementKind.Alert, AlertSlug, alertContent, ["warnings"], editor, now.AddMinutes(-10));
        alert.Approve(approver, now.AddMinutes(-8));
        alert.PublishNow(now.AddDays(1), editor, now.AddMinutes(-5));
        db.Announcements.Add(alert);
        await db.SaveChangesAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>All browser tests share one host and one browser, one test at a time (2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalHost>
{
    public const string Name = "portal";
}
