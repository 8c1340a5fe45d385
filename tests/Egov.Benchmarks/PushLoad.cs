extern alias EgovHost;

using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Announcements.Persistence;
using Egov.Modules.Mobile.Domain.Devices;
using Egov.Modules.Mobile.Persistence;
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
/// One crisis alert to N Web Push subscriptions, end to end: the <c>AlertIssued</c> event is
/// written to the Announcements outbox (as publishing an alert does) and the clock runs until a fake
/// push service on 127.0.0.1 has received the last push. In between: the outbox dispatcher, the
/// Outreach handler writing the push job, the fan-out reading the devices in batches, and per
/// device the RFC 8291 encryption (an ECDH key agreement each) and an HTTP/1.1 request with VAPID.
/// The host runs in this process on Kestrel (logging at Warning) on the PostgreSQL database given;
/// its devices are replaced by N fresh registrations, each with its own P-256 key pair and auth
/// secret as browsers make them. Client, host, database and fake service share the machine's cores.
/// </summary>
internal static class PushLoad
{
    private const string Region = "091620000000";

    public static async Task<int> RunAsync(string[] args)
    {
        Settings settings;
        try
        {
            settings = Settings.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            await Console.Error.WriteLineAsync(Settings.Usage);
            return 2;
        }

        await using var pushService = await FakePushService.StartAsync();
        await using var host = new Host(settings);
        host.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        await SeedAsync(host.Services, pushService.Origin, settings.Devices);
        Console.WriteLine($"Push load: one alert to {settings.Devices:N0} Web Push subscriptions on a fake push service at {pushService.Origin}, " +
                          $"batch size {settings.BatchSize}, parallelism {settings.Parallelism}, {settings.Rounds} round(s), {Environment.ProcessorCount} cores");

        var results = new List<(TimeSpan Total, TimeSpan FirstPush)>();
        for (var round = 1; round <= settings.Rounds; round++)
        {
            pushService.Reset(settings.Devices);
            var issued = new AlertIssuedIntegrationEvent(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), $"Push load round {round}: Unwetterwarnung",
                "Severe", "Immediate", "Landeshauptstadt München", [Region], DateTimeOffset.UtcNow.AddHours(3));
            var started = Stopwatch.GetTimestamp();
            using (var scope = host.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>();
                db.AddIntegrationEvent(issued);
                await db.SaveChangesAsync();
            }

            if (!await pushService.AllReceived.WaitAsync(settings.TimeLimit))
            {
                await Console.Error.WriteLineAsync($"Round {round}: only {pushService.Count:N0} of {settings.Devices:N0} pushes arrived within {settings.TimeLimit.TotalSeconds:0} s.");
                return 1;
            }

            var total = Stopwatch.GetElapsedTime(started);
            var firstPush = pushService.FirstAt - started;
            results.Add((total, TimeSpan.FromSeconds(firstPush / (double)Stopwatch.Frequency)));
            if (pushService.Malformed > 0)
            {
                await Console.Error.WriteLineAsync($"Round {round}: {pushService.Malformed} pushes lacked VAPID authorization or aes128gcm encoding.");
                return 1;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: {settings.Devices:N0} pushes in {total.TotalSeconds:0.00} s ({settings.Devices / total.TotalSeconds:N0}/s); first push after {results[^1].FirstPush.TotalMilliseconds:0} ms"));
        }

        var median = results.OrderBy(r => r.Total).ElementAt(results.Count / 2).Total;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median: {median.TotalSeconds:0.00} s from the event to the last of {settings.Devices:N0} pushes (target: under 10 s)"));
        return 0;
    }

    /// <summary>Replaces every device with <paramref name="count"/> Web Push subscriptions to alerts in <see cref="Region"/>.</summary>
    private static async Task SeedAsync(IServiceProvider services, Uri pushOrigin, int count)
    {
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MobileDbContext>();
            await db.Devices.ExecuteDeleteAsync();
            await db.PushJobs.ExecuteDeleteAsync();
        }

        var now = DateTimeOffset.UtcNow;
        for (var start = 0; start < count; start += 1000)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MobileDbContext>();
            for (var i = start; i < Math.Min(count, start + 1000); i++)
            {
                using var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
                var q = key.ExportParameters(false).Q;
                var address = new DeviceAddress(DevicePlatform.WebPush, new Uri(pushOrigin, $"push/{i}").ToString(),
                    Base64Url.EncodeToString([0x04, .. q.X!, .. q.Y!]), Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)));
                var device = Device.Register(address, i % 5 == 0 ? "en" : "de", "bench", null, null, now);
                device.ReplaceTopics([DeviceTopic.Alerts(AlertSeverity.Moderate), DeviceTopic.Region(Region)], now);
                db.Devices.Add(device);
            }

            await db.SaveChangesAsync();
        }
    }

    private sealed class Host(Settings settings) : WebApplicationFactory<EgovHost::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            using var vapid = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var p = vapid.ExportParameters(includePrivateParameters: true);
            builder.UseSolutionRelativeContentRoot(Path.Combine("src", "Host", "Egov.Host"));

            // Not Production: the fake push service is plain http on 127.0.0.1, which Production refuses.
            builder.UseEnvironment("Benchmark");
            builder.UseSetting("ConnectionStrings:Egov", settings.ConnectionString);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Egov:Push:Vapid:PublicKey", Base64Url.EncodeToString([0x04, .. p.Q.X!, .. p.Q.Y!]));
            builder.UseSetting("Egov:Push:Vapid:PrivateKey", Base64Url.EncodeToString(p.D));
            builder.UseSetting("Egov:Push:Vapid:Subject", "mailto:push-load@musterstadt.example");
            builder.UseSetting("Egov:Push:WebPush:AllowInsecureEndpoints", "true");
            builder.UseSetting("Egov:Push:BatchSize", settings.BatchSize.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Egov:Push:MaxParallelism", settings.Parallelism.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Answers 201 to every push and counts them; checks each has VAPID authorization and an aes128gcm body.</summary>
    private sealed class FakePushService : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _count;
        private int _expected;
        private int _malformed;
        private long _firstAt;

        private FakePushService(WebApplication app) => _app = app;

        public Uri Origin { get; private set; } = null!;

        public int Count => Volatile.Read(ref _count);

        public int Malformed => Volatile.Read(ref _malformed);

        /// <summary><see cref="Stopwatch"/> timestamp of the first push of the round.</summary>
        public long FirstAt => Interlocked.Read(ref _firstAt);

        public SemaphoreSlim AllReceived { get; private set; } = new(0, 1);

        public static async Task<FakePushService> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var service = new FakePushService(app);
            app.MapPost("/push/{id}", async (HttpRequest request) =>
            {
                Interlocked.CompareExchange(ref service._firstAt, Stopwatch.GetTimestamp(), 0);
                await request.Body.CopyToAsync(Stream.Null);
                if (!request.Headers.Authorization.ToString().StartsWith("vapid t=", StringComparison.Ordinal) || request.Headers.ContentEncoding != "aes128gcm")
                {
                    Interlocked.Increment(ref service._malformed);
                }

                if (Interlocked.Increment(ref service._count) == Volatile.Read(ref service._expected))
                {
                    service.AllReceived.Release();
                }

                return Results.StatusCode(StatusCodes.Status201Created);
            });
            await app.StartAsync();
            service.Origin = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
            return service;
        }

        public void Reset(int expected)
        {
            AllReceived.Dispose();
            AllReceived = new SemaphoreSlim(0, 1);
            Volatile.Write(ref _count, 0);
            Volatile.Write(ref _malformed, 0);
            Interlocked.Exchange(ref _firstAt, 0);
            Volatile.Write(ref _expected, expected);
        }

        public async ValueTask DisposeAsync()
        {
            AllReceived.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private sealed record Settings(string ConnectionString, int Devices, int BatchSize, int Parallelism, int Rounds, TimeSpan TimeLimit)
    {
        public const string EnvironmentVariable = "EGOV_BENCH_POSTGRES";

        public const string Usage =
            $"usage: push-load [--connection-string \"Host=127.0.0.1;Port=55433;Username=postgres;Database=egov_pushload\" | ${EnvironmentVariable}] " +
            "[--devices 10000] [--batch-size 500] [--parallelism 32] [--rounds 3] [--time-limit 120]";

        public static Settings Parse(string[] args)
        {
            var connectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
            var devices = 10_000;
            var batchSize = 500;
            var parallelism = 32;
            var rounds = 3;
            var timeLimit = 120;
            for (var i = 0; i < args.Length; i++)
            {
                var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
                switch (args[i])
                {
                    case "--connection-string":
                        connectionString = value;
                        break;
                    case "--devices":
                        devices = int.Parse(value, CultureInfo.InvariantCulture);
                        break;
                    case "--batch-size":
                        batchSize = int.Parse(value, CultureInfo.InvariantCulture);
                        break;
                    case "--parallelism":
                        parallelism = int.Parse(value, CultureInfo.InvariantCulture);
                        break;
                    case "--rounds":
                        rounds = int.Parse(value, CultureInfo.InvariantCulture);
                        break;
                    case "--time-limit":
                        timeLimit = int.Parse(value, CultureInfo.InvariantCulture);
                        break;
                    default:
                        throw new ArgumentException($"Unknown option {args[i]}.");
                }

                i++;
            }

            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new ArgumentException($"No PostgreSQL: give --connection-string or set {EnvironmentVariable} (a database the host may migrate; its devices are replaced; see README.md).");
            }

            if (devices is < 1 or > 100_000 || batchSize is < 1 or > 5000 || parallelism is < 1 or > 256 || rounds is < 1 or > 15 || timeLimit is < 1 or > 600)
            {
                throw new ArgumentException("Out of range: --devices 1–100000, --batch-size 1–5000, --parallelism 1–256, --rounds 1–15, --time-limit 1–600.");
            }

            return new Settings(connectionString, devices, batchSize, parallelism, rounds, TimeSpan.FromSeconds(timeLimit));
        }
    }
}
