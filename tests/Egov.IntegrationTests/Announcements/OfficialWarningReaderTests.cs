using System.Text.Json.Nodes;
using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Engines.Cap;
using Egov.Modules.Announcements.Features.Alerts;
using Egov.Modules.Announcements.Features.Authoring;
using Egov.Modules.Announcements.Persistence;
using Egov.Testing;
using Egov.Testing.Fakes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Egov.IntegrationTests.Announcements;

/// <summary>
/// The automatic reader of the federal warning API against a fake of that API on 127.0.0.1 serving the real
/// warning files of <c>tests/testdata/cap</c>: it imports, follows Update and Cancel, never imports a warning twice
/// (also with two host instances polling at once), and publishes or drafts per source and severity.
/// The host's own reader loop is off (the default); the tests drive runs with a clock set to the warnings' time.
/// </summary>
public sealed class OfficialWarningReaderTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>, IAsyncLifetime
{
    private const string District = "100440000000";
    private readonly FakeWarningServer _api = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => new(_api.StartAsync());

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task SevereMoWaSWarning_IsPublished_ItsCancelFollows_AndNothingIsImportedTwice()
    {
        var cancel = Warning("bbk_mowas_cancel_power_outage.json", suffix: "a");
        var original = OriginalOf(cancel, severity: "Severe", sent: "2026-09-20T16:02:18+02:00");
        var rules = new[] { new WarningRule { Source = "MoWaS", MinimumSeverity = CapSeverity.Severe, Action = WarningAction.Publish } };
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 9, 20, 14, 10, 0, TimeSpan.Zero));
        _api.Serve(District, original.ToJsonString());

        Assert.Equal(1, await Reader(clock, rules).RunOnceAsync(Ct));

        var published = await ImportedAsync(Identifier(original));
        Assert.Equal(AnnouncementStatus.Published, published.Status);
        Assert.True(published.BreakGlass);
        Assert.Equal("Alert", published.Content.Alert!.MsgType);
        Assert.Equal(1, await OutboxCountAsync("AlertIssued", published.Id));

        clock.SetUtcNow(new DateTimeOffset(2026, 9, 20, 15, 55, 0, TimeSpan.Zero));
        _api.Serve(District, cancel.ToJsonString());
        Assert.Equal(1, await Reader(clock, rules).RunOnceAsync(Ct));

        var allClear = await ImportedAsync(Identifier(cancel));
        Assert.Equal(AnnouncementStatus.Published, allClear.Status);
        Assert.Equal("Cancel", allClear.Content.Alert!.MsgType);
        Assert.Equal(new[] { published.Id }, allClear.Content.Alert.References);
        var superseded = await LoadAsync(published.Id);
        Assert.Equal(AnnouncementStatus.Expired, superseded.Status);
        Assert.Equal(allClear.Id, superseded.SupersededBy);
        Assert.Equal(1, await OutboxCountAsync("AlertCancelled", allClear.Id));

        var detailsBefore = _api.DetailRequests;
        Assert.Equal(0, await Reader(clock, rules).RunOnceAsync(Ct));
        Assert.Equal(detailsBefore, _api.DetailRequests);
        Assert.Equal(1, await AlertsFromAsync(Identifier(cancel)));
    }

    [Fact]
    public async Task DwdUpdate_FollowsThePublishedOriginal_AndSupersedesIt()
    {
        var update = Warning("bbk_dwd_storm_gusts_update_3lang.json", suffix: "b");
        var original = OriginalOf(update, severity: "Moderate", sent: "2026-09-18T18:55:00+02:00");
        var rules = new[] { new WarningRule { Source = "DWD", MinimumSeverity = CapSeverity.Moderate, Action = WarningAction.Publish } };
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 9, 19, 13, 0, 0, TimeSpan.Zero));
        // Both on the dashboard at once: the original (older sent) is imported first, so the Update finds it.
        _api.Serve(District, update.ToJsonString(), original.ToJsonString());

        Assert.Equal(2, await Reader(clock, rules).RunOnceAsync(Ct));

        var first = await ImportedAsync(Identifier(original));
        var second = await ImportedAsync(Identifier(update));
        Assert.Equal("Update", second.Content.Alert!.MsgType);
        Assert.Equal(new[] { first.Id }, second.Content.Alert.References);
        Assert.Equal(AnnouncementStatus.Published, second.Status);
        Assert.Equal(AnnouncementStatus.Expired, (await LoadAsync(first.Id)).Status);
        Assert.Equal(1, await OutboxCountAsync("AlertUpdated", second.Id));
        Assert.Equal(new[] { "de", "en" }, second.Languages);
    }

    [Fact]
    public async Task WarningBelowTheRule_OrFromAnotherSource_IsDraftedForTheCrisisTeam()
    {
        var storm = Warning("bbk_dwd_storm_gusts_update_3lang.json", suffix: "c");          // DWD, Moderate
        var water = Warning("bbk_mowas_update_drinking_water_4lang.json", suffix: "c");     // MoWaS, Minor
        var rules = new[]
        {
            new WarningRule { Source = "DWD", MinimumSeverity = CapSeverity.Severe, Action = WarningAction.Publish },
            new WarningRule { Source = "Police", MinimumSeverity = CapSeverity.Minor, Action = WarningAction.Publish },
        };
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 9, 19, 13, 0, 0, TimeSpan.Zero));
        _api.Serve(District, storm.ToJsonString(), water.ToJsonString());

        Assert.Equal(2, await Reader(clock, rules).RunOnceAsync(Ct));

        foreach (var identifier in new[] { Identifier(storm), Identifier(water) })
        {
            var draft = await ImportedAsync(identifier);
            Assert.Equal(AnnouncementStatus.Draft, draft.Status);
            // An Update of a warning never imported here starts a new alert.
            Assert.Equal("Alert", draft.Content.Alert!.MsgType);
            Assert.Equal(0, await OutboxCountAsync("Alert", draft.Id));
        }

        Assert.Contains("de-x-ls", (await ImportedAsync(Identifier(water))).Languages);
    }

    [Fact]
    public async Task TwoHostInstances_PollingAtOnce_ImportEachWarningOnce()
    {
        var rules = new[] { new WarningRule { Source = "*", MinimumSeverity = CapSeverity.Minor, Action = WarningAction.Publish } };
        var warnings = Enumerable.Range(0, 5).Select(i => Warning("bbk_dwd_storm_gusts_update_3lang.json", suffix: $"d{i}")).ToList();
        _api.Serve(District, [.. warnings.Select(w => w.ToJsonString())]);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 9, 19, 13, 0, 0, TimeSpan.Zero));
        await using var secondHost = factory.WithWebHostBuilder(_ => { });
        // Both instances have looked up the known warnings (none) before either imports: only the database can stop the second import.
        _api.HoldDetailsUntil(2);
        var detailsBefore = _api.DetailRequests;

        var runs = await Task.WhenAll(
            Reader(clock, rules).RunOnceAsync(Ct),
            Reader(clock, rules, secondHost.Services).RunOnceAsync(Ct));

        Assert.Equal(5, runs.Sum());
        Assert.Equal(10, _api.DetailRequests - detailsBefore);
        foreach (var warning in warnings)
        {
            Assert.Equal(1, await AlertsFromAsync(Identifier(warning)));
            Assert.Equal(1, await OutboxCountAsync("AlertIssued", (await ImportedAsync(Identifier(warning))).Id));
        }
    }

    private OfficialWarningReader Reader(TimeProvider clock, WarningRule[] rules, IServiceProvider? host = null)
    {
        var services = host ?? factory.Services;
        var options = new WarningReaderOptions { Enabled = true, BaseAddress = _api.ApiBase, RegionalKeys = [District], Rules = [.. rules] };
        return new OfficialWarningReader(
            services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<IHttpClientFactory>(), clock,
            Options.Create(options), services.GetRequiredService<IOptions<AnnouncementOptions>>(), NullLogger<OfficialWarningReader>.Instance);
    }

    /// <summary>A test file with its identifier (and the identifier it references) made unique to one test.</summary>
    private static JsonObject Warning(string file, string suffix)
    {
        var warning = JsonNode.Parse(File.ReadAllText(Path.Combine(CapTestFiles.Folder(), file)))!.AsObject();
        warning["identifier"] = warning["identifier"]!.GetValue<string>() + "-" + suffix;
        if (warning["references"] is { } references)
        {
            var parts = references.GetValue<string>().Split(',');
            parts[1] += "-" + suffix;
            warning["references"] = string.Join(',', parts);
        }

        return warning;
    }

    /// <summary>The original warning an Update or Cancel references, as its sender would have sent it: msgType Alert, no references.</summary>
    private static JsonObject OriginalOf(JsonObject later, string severity, string sent)
    {
        var original = later.DeepClone().AsObject();
        original["identifier"] = later["references"]!.GetValue<string>().Split(',')[1];
        original["msgType"] = "Alert";
        original["sent"] = sent;
        original.Remove("references");
        foreach (var info in original["info"]!.AsArray())
        {
            info!["severity"] = severity;
            info["responseType"] = new JsonArray("Prepare");
        }

        return original;
    }

    private static string Identifier(JsonObject warning) => warning["identifier"]!.GetValue<string>();

    private async Task<Announcement> ImportedAsync(string identifier)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>();
        var record = await db.WarningImports.AsNoTracking().SingleAsync(w => w.Identifier == identifier, Ct);
        return await db.Announcements.AsNoTracking().SingleAsync(a => a.Id == record.AnnouncementId, Ct);
    }

    private async Task<Announcement> LoadAsync(Guid id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>().Announcements.AsNoTracking().SingleAsync(a => a.Id == id, Ct);
    }

    /// <summary>Alerts whose import names <paramref name="identifier"/>, counted in the database (not via the import records).</summary>
    private async Task<int> AlertsFromAsync(string identifier)
    {
        using var scope = factory.Services.CreateScope();
        var alerts = await scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>().Announcements.AsNoTracking()
            .Where(a => a.Kind == AnnouncementKind.Alert).ToListAsync(Ct);
        return alerts.Count(a => a.Content.Alert?.ImportedFrom?.Split(',')[1] == identifier);
    }

    private async Task<int> OutboxCountAsync(string eventName, Guid id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>().OutboxMessages
            .CountAsync(m => m.EventType.Contains(eventName) && m.Payload.Contains(id.ToString()), Ct);
    }
}
