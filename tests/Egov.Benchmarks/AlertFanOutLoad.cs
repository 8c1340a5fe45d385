extern alias EgovHost;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Announcements.Persistence;
using Egov.Modules.Outreach.Domain.Channels;
using Egov.Modules.Outreach.Features.Channels;
using Egov.Modules.Outreach.Features.Channels.Kinds.Mastodon;
using Egov.Modules.Outreach.Features.Channels.Kinds.Webhook;
using Egov.Modules.Outreach.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Egov.Benchmarks;

/// <summary>
/// Crisis fan-out end to end: an <c>AlertIssued</c> event enters the Announcements outbox, and the
/// clock stops when the crisis post has reached every one of N crisis-capable channels (half
/// Mastodon accounts, half signed webhooks) on a fake platform server on 127.0.0.1. The real host
/// runs in this process on the PostgreSQL database given: outbox dispatch, the fan-out handler,
/// the delivery engine, the adapters with their resilience pipelines, real HTTP.
/// </summary>
internal static class AlertFanOutLoad
{
    private const string Usage = "fanout-load --connection-string \"Host=127.0.0.1;Port=…;Username=postgres;Database=egov_fanout\" [--channels 10] [--rounds 5] [--time-limit 30]";

    public static async Task<int> RunAsync(string[] args)
    {
        var connection = Option(args, "--connection-string") ?? Environment.GetEnvironmentVariable("EGOV_BENCH_POSTGRES");
        if (connection is null)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var channels = int.Parse(Option(args, "--channels") ?? "10", CultureInfo.InvariantCulture);
        var rounds = int.Parse(Option(args, "--rounds") ?? "5", CultureInfo.InvariantCulture);
        var timeLimit = TimeSpan.FromSeconds(int.Parse(Option(args, "--time-limit") ?? "30", CultureInfo.InvariantCulture));

        await using var platform = await FakePlatform.StartAsync();
        await using var host = new Host(connection);
        host.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        await SeedAsync(host.Services, platform.Origin, channels);
        Console.WriteLine($"Fan-out load: one alert to {channels} crisis channels on a fake platform at {platform.Origin}, {rounds} round(s), {Environment.ProcessorCount} cores");

        var results = new List<TimeSpan>();
        for (var round = 0; round <= rounds; round++)
        {
            var headline = $"Fan-out round {round}: Unwetterwarnung {Guid.NewGuid():N}";
            var arrived = platform.Expect(headline, channels);
            var started = Stopwatch.GetTimestamp();
            using (var scope = host.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>();
                db.AddIntegrationEvent(new AlertIssuedIntegrationEvent(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), headline,
                    "Severe", "Immediate", "Stadtgebiet", ["091620000000"], DateTimeOffset.UtcNow.AddHours(3), "unwetterwarnung"));
                await db.SaveChangesAsync();
            }

            if (!await arrived.WaitAsync(timeLimit))
            {
                await Console.Error.WriteLineAsync($"Round {round}: only {platform.Count(headline)} of {channels} channels received the alert within {timeLimit.TotalSeconds:0} s.");
                return 1;
            }

            var elapsed = Stopwatch.GetElapsedTime(started, platform.LastArrivalAt(headline));
            if (round == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up: {elapsed.TotalMilliseconds:0} ms"));
                continue;
            }

            results.Add(elapsed);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: {channels} channels in {elapsed.TotalMilliseconds:0} ms"));
        }

        var median = results.Order().ElementAt(results.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median: {median.TotalMilliseconds:0} ms from the AlertIssued event to the last of {channels} channels (target: under 2 s)"));
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>Replaces every channel with <paramref name="count"/> enabled crisis-capable channels on the fake platform (half Mastodon, half webhooks).</summary>
    internal static async Task SeedAsync(IServiceProvider services, Uri origin, int count)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OutreachDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<ChannelCredentialProtector>();
        var instances = scope.ServiceProvider.GetRequiredService<MastodonInstanceReader>();
        await db.Deliveries.ExecuteDeleteAsync();
        await db.Channels.ExecuteDeleteAsync();
        var now = DateTimeOffset.UtcNow;
        var mastodonLimits = await instances.ReadLimitsAsync(origin, CancellationToken.None);
        for (var i = 0; i < count; i++)
        {
            var mastodon = i % 2 == 0;
            var settings = new ChannelSettings($"Krisenkanal {i}", Enabled: true, CrisisCapable: true, "Krisenstab",
                mastodon ? origin.ToString().TrimEnd('/') : new Uri(origin, $"hooks/{i}").ToString(), mastodon ? $"@krise{i}@bench.example" : null,
                AssessmentDone: true, new DateOnly(2026, 11, 1), null, RequiresImprintLink: false, CrossPostPolicy.None);
            var credentials = mastodon
                ? new Dictionary<string, string> { ["accessToken"] = $"token-{i}" }
                : new Dictionary<string, string> { ["secret"] = "fan-out-load-secret-0123456789abcdef" };
            db.Channels.Add(Channel.Create(mastodon ? "mastodon" : "webhook", settings,
                mastodon ? mastodonLimits : new WebhookChannel().DocumentedLimits(), protector.Protect(credentials), now));
        }

        await db.SaveChangesAsync();
    }

    private sealed class Host(string connectionString) : WebApplicationFactory<EgovHost::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSolutionRelativeContentRoot(Path.Combine("src", "Host", "Egov.Host"));

            // Not Production: the fake platform is plain http on 127.0.0.1, which Production refuses.
            builder.UseEnvironment("Benchmark");
            builder.UseSetting("ConnectionStrings:Egov", connectionString);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Egov:PublicBaseAddress", "https://www.musterstadt.example/");
            builder.UseSetting("Egov:Outreach:AllowLoopbackHttp", "true");
            builder.UseSetting("Egov:Push:WebPush:AllowInsecureEndpoints", "true");
        }
    }

    /// <summary>Mastodon (<c>/api/v2/instance</c>, <c>/api/v1/statuses</c>) and webhook receivers (<c>/hooks/{n}</c>) in one Kestrel app.</summary>
    internal sealed class FakePlatform : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<string, Round> _rounds = new();
        private WebApplication _app = null!;
        private int _ids;

        public Uri Origin { get; private set; } = null!;

        public static async Task<FakePlatform> StartAsync()
        {
            var fake = new FakePlatform();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            fake._app = builder.Build();
            fake._app.MapGet("/api/v2/instance", () => Results.Json(new
            {
                configuration = new { statuses = new { max_characters = 500, max_media_attachments = 4, characters_reserved_per_url = 23 } },
            }));
            fake._app.MapPost("/api/v1/statuses", async (HttpRequest request) =>
            {
                var status = (await request.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("status").GetString() ?? "";
                fake.Arrived(status, request.Headers.Authorization.ToString());
                var id = Interlocked.Increment(ref fake._ids).ToString(CultureInfo.InvariantCulture);
                return Results.Json(new { id, url = $"{fake.Origin}@krise/{id}", content = status });
            });
            fake._app.MapPost("/hooks/{n}", async (string n, HttpRequest request) =>
            {
                using var reader = new StreamReader(request.Body);
                fake.Arrived(await reader.ReadToEndAsync(), n);
                return Results.Ok();
            });
            await fake._app.StartAsync();
            fake.Origin = new Uri(fake._app.Urls.First() + "/");
            return fake;
        }

        public SemaphoreSlim Expect(string headline, int channels)
        {
            var round = new Round(channels);
            _rounds[headline] = round;
            return round.Done;
        }

        public int Count(string headline) => _rounds.TryGetValue(headline, out var round) ? round.Seen.Count : 0;

        /// <summary>
        /// The <see cref="Stopwatch"/> timestamp at which the last expected channel received
        /// <paramref name="headline"/>, taken in the request handler: the waiter's continuation may run
        /// later on a busy thread pool, which is not the channels' delay.
        /// </summary>
        public long LastArrivalAt(string headline) => _rounds.TryGetValue(headline, out var round) ? Interlocked.Read(ref round.LastAt) : 0;

        public ValueTask DisposeAsync() => _app.DisposeAsync();

        private void Arrived(string body, string channel)
        {
            foreach (var (headline, round) in _rounds)
            {
                if (body.Contains(headline, StringComparison.Ordinal) && round.Seen.TryAdd(channel, 0) && round.Seen.Count == round.Expected)
                {
                    Interlocked.Exchange(ref round.LastAt, Stopwatch.GetTimestamp());
                    round.Done.Release();
                }
            }
        }

        private sealed class Round(int expected)
        {
            public readonly int Expected = expected;
            public readonly ConcurrentDictionary<string, byte> Seen = new();
            public readonly SemaphoreSlim Done = new(0, 1);
            public long LastAt;
        }
    }
}
