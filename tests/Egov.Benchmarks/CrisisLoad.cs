extern alias EgovHost;

using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Announcements.Persistence;
using Egov.Modules.Forms.Contracts;
using Egov.Modules.Mobile.Domain.Devices;
using Egov.Modules.Mobile.Domain.Push;
using Egov.Modules.Mobile.Features.Push;
using Egov.Modules.Mobile.Persistence;
using Egov.SharedKernel.Work;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Egov.Benchmarks;

/// <summary>
/// The crisis path under load, end to end: 2,000 routine push jobs (status notifications to
/// citizens' devices) are queued, then an <c>AlertIssued</c> event enters the Announcements outbox.
/// Per run it prints the time from that write to the last push received by the fake push service
/// (every alert subscription that answers at all) and to the last of the crisis channels (fake
/// Mastodon and webhook receivers), all on 127.0.0.1. A share of the endpoints, alert and routine
/// alike, answers only after 2 s, another share never (the sender's timeout ends those). The host
/// (one or two instances on the same PostgreSQL database) runs in this process with default push
/// settings; client, hosts, database and fakes share the machine's cores.
/// </summary>
internal static class CrisisLoad
{
    private const string Region = "091620000000";
    private const string Usage =
        "crisis-load --connection-string \"Host=127.0.0.1;Port=…;Username=postgres;Database=egov_crisis\" [--devices 10000] [--routine-jobs 2000] " +
        "[--slow-percent 5] [--dead-percent 5] [--channels 10] [--rounds 5] [--instances 1] [--time-limit 120]";

    public static async Task<int> RunAsync(string[] args)
    {
        var connection = Option(args, "--connection-string") ?? Environment.GetEnvironmentVariable("EGOV_BENCH_POSTGRES");
        if (connection is null)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var devices = Int(args, "--devices", 10_000);
        var routineJobs = Int(args, "--routine-jobs", 2000);
        var slowPercent = Int(args, "--slow-percent", 5);
        var deadPercent = Int(args, "--dead-percent", 5);
        var channels = Int(args, "--channels", 10);
        var rounds = Int(args, "--rounds", 5);
        var instances = Int(args, "--instances", 1);
        var timeLimit = TimeSpan.FromSeconds(Int(args, "--time-limit", 120));

        await using var pushService = await FakePushService.StartAsync(slowPercent, deadPercent);
        await using var platform = await AlertFanOutLoad.FakePlatform.StartAsync();
        var hosts = new List<Host>();
        for (var i = 0; i < instances; i++)
        {
            var host = new Host(connection);
            host.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            host.StartServer();
            hosts.Add(host);
        }

        try
        {
            var services = hosts[0].Services;
            var seeding = Stopwatch.StartNew();
            await AlertFanOutLoad.SeedAsync(services, platform.Origin, channels);
            var subjects = await SeedDevicesAsync(services, pushService.Origin, devices);
            var alertTargets = Enumerable.Range(0, devices).Count(i => !FakePushService.IsDead(i, deadPercent));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Crisis load: one alert to {devices:N0} Web Push subscriptions ({slowPercent} % answer after 2 s, {deadPercent} % never) and {channels} crisis channels, " +
                $"behind {routineJobs:N0} queued routine jobs; {instances} host instance(s), {rounds} round(s) after a warm-up, {Environment.ProcessorCount} cores, " +
                $"load average {LoadAverage()}; seeded in {seeding.Elapsed.TotalSeconds:0} s"));

            var toPush = new List<TimeSpan>();
            var toChannels = new List<TimeSpan>();
            var cpus = new List<TimeSpan>();
            for (var round = 0; round <= rounds; round++)
            {
                await QueueRoutineJobsAsync(services, subjects, routineJobs);
                foreach (var host in hosts)
                {
                    host.Services.GetRequiredService<WorkSignal<PushFanOut>>().Notify();
                }

                var headline = $"Crisis round {round}: Unwetterwarnung {Guid.NewGuid():N}";
                var channelsDone = platform.Expect(headline, channels);
                var pushesDone = pushService.ExpectAlert(alertTargets);
                var started = Stopwatch.GetTimestamp();
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                using (var scope = services.CreateScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>();
                    db.AddIntegrationEvent(new AlertIssuedIntegrationEvent(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), headline,
                        "Extreme", "Immediate", "Landeshauptstadt München", [Region], DateTimeOffset.UtcNow.AddHours(3), "unwetterwarnung"));
                    await db.SaveChangesAsync();
                }

                var channelsTask = channelsDone.WaitAsync(timeLimit).ContinueWith(t => (t.Result, Stopwatch.GetElapsedTime(started, platform.LastArrivalAt(headline))), TaskScheduler.Default);
                if (!await pushesDone.WaitAsync(timeLimit))
                {
                    await Console.Error.WriteLineAsync($"Round {round}: only {pushService.AlertCount:N0} of {alertTargets:N0} alert pushes arrived within {timeLimit.TotalSeconds:0} s.");
                    return 1;
                }

                // CPU time of this process (hosts, fakes, client) until the last push: what the work costs, whatever else the machine runs.
                var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                var push = Stopwatch.GetElapsedTime(started, pushService.LastAlertAt);
                var (channelsArrived, channelTime) = await channelsTask;
                if (!channelsArrived)
                {
                    await Console.Error.WriteLineAsync($"Round {round}: only {platform.Count(headline)} of {channels} channels received the alert within {timeLimit.TotalSeconds:0} s.");
                    return 1;
                }

                var routineLeft = await PendingRoutineJobsAsync(services);
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"{alertTargets:N0} pushes: last after {push.TotalMilliseconds:0} ms (first after {Stopwatch.GetElapsedTime(started, pushService.FirstAlertAt).TotalMilliseconds:0} ms); " +
                    $"{channels} channels: last after {channelTime.TotalMilliseconds:0} ms; process CPU until the last push {cpu.TotalSeconds:0.00} s " +
                    $"({cpu.TotalMilliseconds * 1000 / alertTargets:0} µs per push); routine jobs still queued at the end: {routineLeft:N0}; " +
                    $"malformed pushes: {pushService.Malformed}");
                if (round == 0)
                {
                    Console.WriteLine($"warm-up: {line}");
                }
                else
                {
                    toPush.Add(push);
                    toChannels.Add(channelTime);
                    cpus.Add(cpu);
                    Console.WriteLine($"round {round}: {line}");
                }

                // The dead endpoints hold the alert job until their timeout; the next round starts on an idle alert lane.
                await WaitForAlertJobsAsync(services, timeLimit);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"p95 of {rounds}: {P95(toPush).TotalMilliseconds:0} ms to the last of {alertTargets:N0} pushes (target 3000 ms), " +
                $"{P95(toChannels).TotalMilliseconds:0} ms to the last of {channels} channels (target 1000 ms); " +
                $"medians {Median(toPush).TotalMilliseconds:0} ms and {Median(toChannels).TotalMilliseconds:0} ms; median process CPU until the last push " +
                $"{Median(cpus).TotalSeconds:0.00} s; load average now {LoadAverage()}"));
            return 0;
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    /// <summary>Nearest-rank 95th percentile (of 5 runs: the slowest).</summary>
    private static TimeSpan P95(List<TimeSpan> values) => values.Order().ElementAt((int)Math.Ceiling(0.95 * values.Count) - 1);

    private static TimeSpan Median(List<TimeSpan> values) => values.Order().ElementAt(values.Count / 2);

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Int(string[] args, string name, int fallback) => Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>
    /// Replaces every device with <paramref name="count"/> alert subscriptions (<c>/push/a{n}</c>) and
    /// 200 citizens' devices for the routine jobs (<c>/push/r{n}</c>), each with its own P-256 key
    /// pair and auth secret as browsers make them; returns the citizens' subjects.
    /// </summary>
    private static async Task<List<string>> SeedDevicesAsync(IServiceProvider services, Uri pushOrigin, int count)
    {
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MobileDbContext>();
            await db.Devices.ExecuteDeleteAsync();
            await db.PushJobs.ExecuteDeleteAsync();
        }

        var now = DateTimeOffset.UtcNow;
        var subjects = Enumerable.Range(0, 200).Select(i => $"citizen-{i}").ToList();
        for (var start = 0; start < count + subjects.Count; start += 1000)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MobileDbContext>();
            for (var i = start; i < Math.Min(count + subjects.Count, start + 1000); i++)
            {
                using var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
                var q = key.ExportParameters(false).Q;
                var alert = i < count;
                var path = alert ? $"push/a{i}" : $"push/r{i - count}";
                var address = new DeviceAddress(DevicePlatform.WebPush, new Uri(pushOrigin, path).ToString(),
                    Base64Url.EncodeToString([0x04, .. q.X!, .. q.Y!]), Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)));
                var device = Device.Register(address, i % 5 == 0 ? "en" : "de", "bench", alert ? null : subjects[i - count], null, now);
                if (alert)
                {
                    device.ReplaceTopics([DeviceTopic.Alerts(AlertSeverity.Moderate), DeviceTopic.Region(Region)], now);
                }

                db.Devices.Add(device);
            }

            await db.SaveChangesAsync();
        }

        return subjects;
    }

    /// <summary>Tops the routine queue up to <paramref name="count"/> pending status notifications, the oldest a minute old.</summary>
    private static async Task QueueRoutineJobsAsync(IServiceProvider services, List<string> subjects, int count)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MobileDbContext>();
        var jobs = scope.ServiceProvider.GetRequiredService<PushJobs>();
        var pending = await db.PushJobs.CountAsync(j => j.CompletedAt == null && j.Priority == PushPriority.Routine);
        var now = DateTimeOffset.UtcNow;
        for (var i = pending; i < count; i++)
        {
            var changed = new ApplicationStatusChangedIntegrationEvent(Guid.CreateVersion7(), now, Guid.CreateVersion7(), $"PA-2026-{i:000000}", "bewohnerparkausweis",
                "Submitted", "InReview", subjects[i % subjects.Count], 2);
            db.PushJobs.Add(jobs.Status(changed, now.AddMinutes(-1).AddMilliseconds(i)));
        }

        await db.SaveChangesAsync();
    }

    private static async Task<int> PendingRoutineJobsAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MobileDbContext>().PushJobs.CountAsync(j => j.CompletedAt == null && j.Priority == PushPriority.Routine);
    }

    private static async Task WaitForAlertJobsAsync(IServiceProvider services, TimeSpan timeLimit)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeLimit)
        {
            using var scope = services.CreateScope();
            if (!await scope.ServiceProvider.GetRequiredService<MobileDbContext>().PushJobs.AnyAsync(j => j.CompletedAt == null && j.Priority == PushPriority.Alert))
            {
                return;
            }

            await Task.Delay(100);
        }
    }

    private sealed class Host(string connectionString) : WebApplicationFactory<EgovHost::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            using var vapid = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var p = vapid.ExportParameters(includePrivateParameters: true);
            builder.UseSolutionRelativeContentRoot(Path.Combine("src", "Host", "Egov.Host"));

            // Not Production: the fakes are plain http on 127.0.0.1, which Production refuses.
            builder.UseEnvironment("Benchmark");
            builder.UseSetting("ConnectionStrings:Egov", connectionString);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Egov:PublicBaseAddress", "https://www.musterstadt.example/");
            builder.UseSetting("Egov:Outreach:AllowLoopbackHttp", "true");
            builder.UseSetting("Egov:Push:Vapid:PublicKey", Base64Url.EncodeToString([0x04, .. p.Q.X!, .. p.Q.Y!]));
            builder.UseSetting("Egov:Push:Vapid:PrivateKey", Base64Url.EncodeToString(p.D));
            builder.UseSetting("Egov:Push:Vapid:Subject", "mailto:crisis-load@musterstadt.example");
            builder.UseSetting("Egov:Push:WebPush:AllowInsecureEndpoints", "true");
        }
    }

    /// <summary>
    /// A push service whose endpoint <c>/push/a{n}</c> or <c>/push/r{n}</c> answers 201 at once,
    /// after 2 s (the slow share), or never (the dead share: it holds the request until the
    /// client gives up). Counts the alert pushes received, each checked for VAPID and aes128gcm.
    /// </summary>
    private sealed class FakePushService : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly int _slowPercent;
        private readonly int _deadPercent;
        private int _alerts;
        private int _expected = int.MaxValue;
        private int _malformed;
        private long _firstAt;
        private long _lastAt;
        private SemaphoreSlim _done = new(0, 1);

        private FakePushService(WebApplication app, int slowPercent, int deadPercent)
        {
            _app = app;
            _slowPercent = slowPercent;
            _deadPercent = deadPercent;
        }

        public Uri Origin { get; private set; } = null!;

        public int AlertCount => Volatile.Read(ref _alerts);

        public int Malformed => Volatile.Read(ref _malformed);

        public long FirstAlertAt => Interlocked.Read(ref _firstAt);

        public long LastAlertAt => Interlocked.Read(ref _lastAt);

        public static bool IsDead(int n, int deadPercent) => n % 100 < deadPercent;

        public static async Task<FakePushService> StartAsync(int slowPercent, int deadPercent)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(k =>
            {
                k.Listen(IPAddress.Loopback, 0);
                k.Limits.MaxConcurrentConnections = null;
            });
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var service = new FakePushService(app, slowPercent, deadPercent);
            app.MapPost("/push/{id}", service.ReceiveAsync);
            await app.StartAsync();
            service.Origin = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
            return service;
        }

        public SemaphoreSlim ExpectAlert(int count)
        {
            _done = new SemaphoreSlim(0, 1);
            Volatile.Write(ref _alerts, 0);
            Volatile.Write(ref _malformed, 0);
            Interlocked.Exchange(ref _firstAt, 0);
            Interlocked.Exchange(ref _lastAt, 0);
            Volatile.Write(ref _expected, count);
            return _done;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        private async Task<IResult> ReceiveAsync(string id, HttpRequest request)
        {
            await request.Body.CopyToAsync(Stream.Null);
            var n = int.Parse(id.AsSpan(1), CultureInfo.InvariantCulture);
            var aborted = request.HttpContext.RequestAborted;
            if (IsDead(n, _deadPercent))
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, aborted);
                }
                catch (OperationCanceledException)
                {
                }

                return Results.Empty;
            }

            if (id[0] == 'a')
            {
                if (!request.Headers.Authorization.ToString().StartsWith("vapid t=", StringComparison.Ordinal) || request.Headers.ContentEncoding != "aes128gcm")
                {
                    Interlocked.Increment(ref _malformed);
                }

                var now = Stopwatch.GetTimestamp();
                Interlocked.CompareExchange(ref _firstAt, now, 0);
                Interlocked.Exchange(ref _lastAt, now);
                if (Interlocked.Increment(ref _alerts) == Volatile.Read(ref _expected))
                {
                    _done.Release();
                }
            }

            if (n % 100 < _deadPercent + _slowPercent)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), aborted);
                }
                catch (OperationCanceledException)
                {
                    return Results.Empty;
                }
            }

            return Results.StatusCode(StatusCodes.Status201Created);
        }
    }
}
