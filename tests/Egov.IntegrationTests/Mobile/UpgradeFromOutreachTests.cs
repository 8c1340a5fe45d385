using System.Buffers.Text;
using System.Net;
using System.Text.Json;
using Egov.IntegrationTests.Mobile.Push;
using Egov.Modules.Mobile.Domain.Devices;
using Egov.Modules.Mobile.Domain.Push;
using Egov.Modules.Mobile.Features.Devices;
using Egov.Modules.Mobile.Persistence;
using Egov.Modules.Outreach.Persistence;
using Egov.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Egov.IntegrationTests.Mobile;

/// <summary>
/// An installation upgraded from before the Mobile module (devices, topics, push jobs and the push
/// handlers' inbox marks in Outreach's schema or SQLite file) keeps them: the Mobile module serves
/// the device and finishes the push job (ADR 0019).
/// </summary>
public sealed class UpgradeFromOutreachTests : IDisposable
{
    /// <summary>The last Outreach migration before the Mobile module.</summary>
    private const string LastOutreachMigrationOfMain = "20261207073558_PushShards";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _contentRoot = Directory.CreateTempSubdirectory("egov-mobile-upgrade-").FullName;

    [Fact]
    public async Task Upgrade_OnPostgres_MobileServesTheDeviceAndCompletesThePushJob()
    {
        await using var push = await FakePushService.StartAsync();
        using var browser = push.Subscribe();
        await using var factory = new EgovApplicationFactory();
        await factory.InitializeAsync();
        var old = await SeedMainOnPostgresAsync(factory.ConnectionString, browser);

        using var client = factory.CreateClient();

        await AssertServedAsync(factory, client, push, browser, old);
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync(Ct);
        Assert.Null(await ScalarAsync(connection, "SELECT to_regclass('outreach.devices')::text"));
        Assert.Null(await ScalarAsync(connection, "SELECT to_regclass('outreach.cross_post_candidates')::text"));
    }

    [Fact]
    public async Task Migrations_MobileBeforeOutreach_MoveTheRowsAllTheSame()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync(nameof(Migrations_MobileBeforeOutreach_MoveTheRowsAllTheSame));
        using var browser = new BrowserSubscription(new Uri("http://127.0.0.1:9/push/mobile-first"));
        var old = await SeedMainOnPostgresAsync(connectionString, browser);

        await using (var mobile = new MobileDbContext(PostgresOptions<MobileDbContext>(connectionString, MobileDbContext.SchemaName)))
        {
            await mobile.Database.MigrateAsync(Ct);
        }

        await using (var outreach = new OutreachDbContext(PostgresOptions<OutreachDbContext>(connectionString, OutreachDbContext.SchemaName)))
        {
            await outreach.Database.MigrateAsync(Ct);
        }

        await using var db = new MobileDbContext(PostgresOptions<MobileDbContext>(connectionString, MobileDbContext.SchemaName));
        var device = await db.Devices.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(old.DeviceId, device.Id);
        Assert.Equal(["alerts:minor", "category:waste"], device.Topics.Select(t => t.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(old.JobId, (await db.PushJobs.AsNoTracking().SingleAsync(Ct)).Id);
        Assert.True(await db.InboxMessages.AnyAsync(m => m.EventId == old.HandledEventId && m.Handler == "AlertIssuedPushHandler", Ct));
    }

    [Fact]
    public async Task Migrations_OnANewDatabaseMobileFirst_LeaveNoPushTablesInOutreach()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync(nameof(Migrations_OnANewDatabaseMobileFirst_LeaveNoPushTablesInOutreach));

        await using (var mobile = new MobileDbContext(PostgresOptions<MobileDbContext>(connectionString, MobileDbContext.SchemaName)))
        {
            await mobile.Database.MigrateAsync(Ct);
        }

        await using (var outreach = new OutreachDbContext(PostgresOptions<OutreachDbContext>(connectionString, OutreachDbContext.SchemaName)))
        {
            await outreach.Database.MigrateAsync(Ct);
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        foreach (var table in new[] { "devices", "push_jobs", "pushed_alerts" })
        {
            Assert.Null(await ScalarAsync(connection, $"SELECT to_regclass('outreach.{table}')::text"));
            Assert.Equal($"mobile.{table}", await ScalarAsync(connection, $"SELECT to_regclass('mobile.{table}')::text"));
        }
    }

    [Fact]
    public async Task Upgrade_OnSqlite_MobileServesTheDeviceAndCompletesThePushJob()
    {
        await using var push = await FakePushService.StartAsync();
        using var browser = push.Subscribe();
        var old = await SeedMainOnSqliteAsync(Path.Combine(_contentRoot, "data"), browser);
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseContentRoot(_contentRoot).UseEnvironment("Development")
            .UseSetting("Egov:Push:PollInterval", "00:00:00.200")
            .UseSetting("Egov:Push:WebPush:AllowInsecureEndpoints", "true"));

        using var client = factory.CreateClient();

        await AssertServedAsync(factory, client, push, browser, old);
        await using var outreachFile = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_contentRoot, "data", "egov-outreach.db")}");
        await outreachFile.OpenAsync(Ct);
        await using var tables = outreachFile.CreateCommand();
        tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('devices', 'push_jobs', 'pushed_alerts')";
        Assert.Equal(0L, await tables.ExecuteScalarAsync(Ct));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_contentRoot, recursive: true);
    }

    /// <summary>The rows an installation of main had, and what the upgraded one must do with them.</summary>
    private sealed record OldRows(Guid DeviceId, Guid JobId, Guid AlertId, Guid HandledEventId);

    private static async Task AssertServedAsync<TEntryPoint>(WebApplicationFactory<TEntryPoint> factory, HttpClient client, FakePushService push, BrowserSubscription browser, OldRows old)
        where TEntryPoint : class
    {
        // The secret the app got at registration on main: same data-protection purpose, same key ring.
        var secret = factory.Services.GetRequiredService<DeviceSecrets>().Issue(old.DeviceId);
        using var read = await Devices.SendAsync(client, HttpMethod.Get, $"/api/v1/devices/{old.DeviceId}", secret);
        var body = await read.Content.ReadAsStringAsync(Ct);
        Assert.True(read.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal(["alerts:minor", "category:waste"], JsonDocument.Parse(body).RootElement.GetProperty("topics").EnumerateArray().Select(t => t.GetString()).Order(StringComparer.Ordinal));

        var received = await push.WaitForAsync(browser);
        Assert.Equal("Hochwasser an der Isar", JsonDocument.Parse(WebPushCrypto.Decrypt(browser, received[0].Body)).RootElement.GetProperty("title").GetString());
        var deadline = DateTime.UtcNow.AddSeconds(15);
        PushJob job;
        do
        {
            using var scope = factory.Services.CreateScope();
            job = await scope.ServiceProvider.GetRequiredService<MobileDbContext>().PushJobs.AsNoTracking().SingleAsync(j => j.Id == old.JobId, Ct);
            await Task.Delay(job.CompletedAt is null ? 50 : 0, Ct);
        }
        while (job.CompletedAt is null && DateTime.UtcNow < deadline);

        Assert.NotNull(job.CompletedAt);
        Assert.Equal(1, job.Sent);
    }

    /// <summary>
    /// A PostgreSQL database as main left it: Outreach migrated to its last migration of main, with
    /// a Web Push device (alerts from minor, category waste), a pending alert push job for it, and the
    /// inbox mark of an event the push handler had handled.
    /// </summary>
    private static async Task<OldRows> SeedMainOnPostgresAsync(string connectionString, BrowserSubscription browser)
    {
        await using (var outreach = new OutreachDbContext(PostgresOptions<OutreachDbContext>(connectionString, OutreachDbContext.SchemaName)))
        {
            await outreach.GetService<IMigrator>().MigrateAsync(LastOutreachMigrationOfMain, Ct);
        }

        var old = new OldRows(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO outreach.devices (id, platform, endpoint, p256dh, auth, language, app_version, subject, alert_threshold, categories, regions, creation_key, created_at, updated_at)
            VALUES (@device, 'WebPush', @endpoint, @p256dh, @auth, 'de', '1.4.2', NULL, 1, ARRAY['waste'], ARRAY[]::text[], NULL, now(), now());
            INSERT INTO outreach.push_jobs (id, source_event_id, type, audience, priority, alert_id, severity_rank, regional_keys, categories, subject,
                payload_de, payload_en, urgency, time_to_live_seconds, topic, created_at, cursor, up_to, completed_by, locked_until, lock_owner, completed_at, sent, failed, pruned)
            VALUES (@job, @event, 'alert', 'Alert', 1, @alert, 2, ARRAY[]::text[], ARRAY[]::text[], NULL,
                @payload, @payload, 'High', 3600, @topic, now(), NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, 0);
            INSERT INTO outreach.pushed_alerts (alert_id, severity_rank, pushed_at) VALUES (@alert, 2, now());
            INSERT INTO outreach.inbox_messages (event_id, handler, processed_at) VALUES (@handled, 'AlertIssuedPushHandler', now());
            """, connection);
        insert.Parameters.AddWithValue("device", old.DeviceId);
        insert.Parameters.AddWithValue("endpoint", browser.Endpoint.ToString());
        insert.Parameters.AddWithValue("p256dh", Base64Url.EncodeToString(browser.PublicKey));
        insert.Parameters.AddWithValue("auth", Base64Url.EncodeToString(browser.AuthSecret));
        insert.Parameters.AddWithValue("job", old.JobId);
        insert.Parameters.AddWithValue("event", Guid.CreateVersion7());
        insert.Parameters.AddWithValue("alert", old.AlertId);
        insert.Parameters.AddWithValue("payload", Payload(old.AlertId));
        insert.Parameters.AddWithValue("topic", old.AlertId.ToString("N"));
        insert.Parameters.AddWithValue("handled", old.HandledEventId);
        await insert.ExecuteNonQueryAsync(Ct);
        return old;
    }

    /// <summary>
    /// A zero-setup data folder as main left it: <c>egov-outreach.db</c> made by EnsureCreated from
    /// Outreach's model of main, i.e. Outreach's tables now plus devices, push_jobs and pushed_alerts
    /// (those tables' mapping moved to Mobile unchanged, so Mobile's SQLite script makes them as main did).
    /// </summary>
    private static async Task<OldRows> SeedMainOnSqliteAsync(string dataDirectory, BrowserSubscription browser)
    {
        Directory.CreateDirectory(dataDirectory);
        var file = $"Data Source={Path.Combine(dataDirectory, "egov-outreach.db")}";
        await using (var outreach = new OutreachDbContext(new DbContextOptionsBuilder<OutreachDbContext>().UseSqlite(file).UseSnakeCaseNamingConvention().Options))
        {
            await outreach.Database.EnsureCreatedAsync(Ct);
        }

        var old = new OldRows(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await using var db = new MobileDbContext(new DbContextOptionsBuilder<MobileDbContext>().UseSqlite(file).UseSnakeCaseNamingConvention().Options);
        var script = db.Database.GenerateCreateScript();
        foreach (var statement in script.Split(";", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                     .Where(s => s.Contains("\"devices\"", StringComparison.Ordinal) || s.Contains("\"push_jobs\"", StringComparison.Ordinal) || s.Contains("\"pushed_alerts\"", StringComparison.Ordinal)))
        {
            await db.Database.ExecuteSqlRawAsync(statement, Ct);
        }

        var now = DateTimeOffset.UtcNow;
        var device = Device.Register(
            new DeviceAddress(DevicePlatform.WebPush, browser.Endpoint.ToString(), Base64Url.EncodeToString(browser.PublicKey), Base64Url.EncodeToString(browser.AuthSecret)),
            "de", "1.4.2", null, null, now);
        Assert.True(DeviceTopic.TryParse("alerts:minor", out var alerts));
        Assert.True(DeviceTopic.TryParse("category:waste", out var waste));
        device.ReplaceTopics([alerts, waste], now);
        db.Devices.Add(device);
        var payload = Payload(old.AlertId);
        db.PushJobs.Add(new PushJob
        {
            Id = old.JobId, SourceEventId = Guid.CreateVersion7(), Type = "alert", Audience = PushAudienceKind.Alert, Priority = PushPriority.Alert,
            AlertId = old.AlertId, SeverityRank = 2, PayloadDe = payload, PayloadEn = payload, Urgency = PushUrgency.High,
            TimeToLiveSeconds = 3600, Topic = old.AlertId.ToString("N"), CreatedAt = now,
        });
        db.MarkProcessed(old.HandledEventId, "AlertIssuedPushHandler", now);
        await db.SaveChangesAsync(Ct);
        return old with { DeviceId = device.Id };
    }

    private static string Payload(Guid alertId) =>
        JsonSerializer.Serialize(new { type = "alert", id = alertId, title = "Hochwasser an der Isar", body = "Stadtgebiet", url = $"http://localhost/warnungen/{alertId}" });

    private static DbContextOptions<TContext> PostgresOptions<TContext>(string connectionString, string schema)
        where TContext : DbContext =>
        new DbContextOptionsBuilder<TContext>()
            .UseNpgsql(connectionString, npgsql => npgsql
                .MigrationsAssembly(typeof(TContext).Assembly.GetName().Name)
                .MigrationsHistoryTable("__ef_migrations_history", schema))
            .UseSnakeCaseNamingConvention()
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options;

    private static async Task<string?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(Ct) as string;
    }
}
