extern alias EgovHost;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Engines.Markdown;
using Egov.Modules.Announcements.Features.Authoring;
using Egov.Modules.Announcements.Persistence;
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

namespace Egov.Benchmarks;

/// <summary>
/// Requests per second of the public announcement reads, against a bare JSON endpoint of the same
/// host. Starts the real host in this process (Production environment, logging at Warning) on
/// Kestrel at a free loopback port, on the PostgreSQL database given; makes sure 50 published
/// announcements are there (German and English, Markdown bodies of about 1 KB, some events and
/// official notices); warms every endpoint up; then, per concurrency level, drives each endpoint
/// for a fixed time with that many requests in flight (closed loop), in interleaved rounds, and
/// prints the median round's requests per second, latency percentiles and the ratio to the bare endpoint.
/// <para>
/// The bare endpoint (<c>/_bench/json</c>, answering <c>{"status":"ok"}</c>) exists only in this
/// host: it is mapped behind the host's whole pipeline (exception handler, status pages,
/// correlation id, authentication, authorization, rate limiter, routing) and does no mediator, no
/// database, no ETag. Client and server share the machine's cores.
/// </para>
/// </summary>
internal static class ReadLoad
{
    private const string BarePath = "/_bench/json";
    private const string ListPath = "/api/v1/announcements?limit=50";
    private const string SlugPrefix = "read-load-";
    private const int Announcements = 50;

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

        await using var host = new Host(settings.ConnectionString);
        host.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        var address = host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var seeded = await SeedAsync(host.Services);

        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = settings.Concurrency.Max(),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            BaseAddress = new Uri(address),
            Timeout = TimeSpan.FromSeconds(30),
        };

        using var list = await http.GetAsync(ListPath);
        var items = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength();
        if (list.StatusCode != HttpStatusCode.OK || items != Announcements)
        {
            await Console.Error.WriteLineAsync($"{ListPath} answered {(int)list.StatusCode} with {items} items; expected 200 with {Announcements}.");
            return 1;
        }

        Target[] targets =
        [
            new("bare JSON (same pipeline, no handler)", BarePath, null, HttpStatusCode.OK),
            new("GET /health/live (text)", "/health/live", null, HttpStatusCode.OK),
            new("GET /api/v1/announcements?limit=50", ListPath, null, HttpStatusCode.OK),
            new("  … with If-None-Match (304)", ListPath, list.Headers.ETag, HttpStatusCode.NotModified),
            new("GET /api/v1/announcements?limit=1", "/api/v1/announcements?limit=1", null, HttpStatusCode.OK),
            new("GET /feeds/announcements.rss", "/feeds/announcements.rss", null, HttpStatusCode.OK),
            new("GET /feeds/announcements.atom", "/feeds/announcements.atom", null, HttpStatusCode.OK),
        ];

        Console.WriteLine($"Read load against the in-process host at {address} — {Announcements} published announcements ({seeded} added now), " +
                          $"{settings.Rounds} rounds of {settings.Duration.TotalSeconds:0} s per endpoint and concurrency after {settings.WarmUp.TotalSeconds:0} s warm-up each, " +
                          $"{Environment.ProcessorCount} cores");

        // Warm every endpoint first, so that the first one measured does not pay for the JIT of the others.
        foreach (var target in targets)
        {
            await MeasureAsync(http, target, settings.Concurrency.Max(), settings.WarmUp);
        }

        // Rounds interleave the endpoints, so that a slow moment of the machine does not fall on one of them only; the median round counts.
        var results = new List<Result>();
        foreach (var concurrency in settings.Concurrency)
        {
            var rounds = targets.ToDictionary(t => t, _ => new List<Result>());
            for (var round = 0; round < settings.Rounds; round++)
            {
                foreach (var target in targets)
                {
                    rounds[target].Add(await MeasureAsync(http, target, concurrency, settings.Duration));
                }
            }

            results.AddRange(targets.Select(t => Median(rounds[t])));
        }

        Print(results);
        return results.All(r => r.Errors == 0) ? 0 : 1;
    }

    /// <summary>The round with the median throughput, with the errors of all rounds.</summary>
    private static Result Median(List<Result> rounds) =>
        rounds.OrderBy(r => r.PerSecond).ElementAt(rounds.Count / 2) with { Errors = rounds.Sum(r => r.Errors) };

    /// <summary>Runs <paramref name="concurrency"/> loops that each send the next request when the last answer is read, until the time is up.</summary>
    private static async Task<Result> MeasureAsync(HttpClient http, Target target, int concurrency, TimeSpan duration)
    {
        var errors = 0;
        long bytes = 0;
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var loops = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var latencies = new List<double>();
            while (Stopwatch.GetTimestamp() < end)
            {
                var sent = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Get, target.Path);
                if (target.IfNoneMatch is { } etag)
                {
                    request.Headers.IfNoneMatch.Add(etag);
                }

                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                Interlocked.Exchange(ref bytes, body.Length);
                if (response.StatusCode != target.Expected)
                {
                    Interlocked.Increment(ref errors);
                }
            }

            return latencies;
        });
        var all = (await Task.WhenAll(loops)).SelectMany(l => l).Order().ToArray();
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new Result(target.Name, concurrency, all.Length, all.Length / elapsed.TotalSeconds,
            Percentile(all, 0.50), Percentile(all, 0.95), Interlocked.Read(ref bytes), errors);
    }

    /// <summary>Adds the announcements <c>read-load-01</c> … <c>read-load-50</c> that are not there yet; returns how many it added.</summary>
    private static async Task<int> SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>();
        var existing = await db.Announcements.Where(a => a.Slug.StartsWith(SlugPrefix)).Select(a => a.Slug).ToListAsync();
        var editor = new ContentActor("bench-editor", "Benchmark Redaktion", IsEditor: true, IsApprover: false, IsCrisisManager: false);
        var approver = new ContentActor("bench-approver", "Benchmark Freigabe", IsEditor: false, IsApprover: true, IsCrisisManager: false);
        var now = DateTimeOffset.UtcNow;
        var added = 0;
        for (var n = 1; n <= Announcements; n++)
        {
            var slug = string.Create(CultureInfo.InvariantCulture, $"{SlugPrefix}{n:00}");
            if (existing.Contains(slug))
            {
                continue;
            }

            var kind = n % 10 == 0 ? AnnouncementKind.OfficialNotice : n % 5 == 0 ? AnnouncementKind.Event : AnnouncementKind.News;
            var publishedAt = now.AddMinutes(-n);
            var announcement = Announcement.CreateDraft(kind, slug, Content(n, kind, now), ["town-hall", "culture"], editor, publishedAt.AddHours(-1));
            if (announcement.NeedsApproval)
            {
                announcement.Approve(approver, publishedAt.AddMinutes(-30));
            }

            announcement.PublishNow(null, editor, publishedAt);
            db.Announcements.Add(announcement);
            added++;
        }

        await db.SaveChangesAsync();
        return added;
    }

    private static AnnouncementContent Content(int n, AnnouncementKind kind, DateTimeOffset now)
    {
        var german = string.Create(CultureInfo.InvariantCulture, $"""
            Die Stadt informiert über **Meldung {n}**: Wegen Bauarbeiten an der Hauptstraße ist die Zufahrt zum Rathaus
            vom 3. bis 14. des Monats nur über die Schillerstraße möglich. Bitte beachten Sie die Umleitungsschilder.

            - Bürgerbüro: Montag bis Freitag 8–18 Uhr, Samstag 9–12 Uhr
            - Standesamt: nach Terminvereinbarung unter [service.musterstadt.example](https://service.musterstadt.example/termine)
            - Parkplätze: Tiefgarage „Am Markt“, 2 Stunden kostenfrei

            Für Menschen mit Gehbehinderung steht ein barrierefreier Zugang an der Rückseite bereit. Fragen beantwortet
            das Bürgertelefon unter 02351 0000000. Wir danken für Ihr Verständnis – Ihre Stadtverwaltung.
            """);
        var english = string.Create(CultureInfo.InvariantCulture, $"""
            The city informs about **announcement {n}**: because of roadworks on the high street, the town hall can be reached
            only via Schillerstraße from the 3rd to the 14th. Please follow the diversion signs.
            """);
        return new AnnouncementContent(
            [
                new AnnouncementVariant("de", string.Create(CultureInfo.InvariantCulture, $"Meldung {n}: Zufahrt zum Rathaus über die Schillerstraße"),
                    "Wegen Bauarbeiten an der Hauptstraße ist das Rathaus zwei Wochen lang nur über die Schillerstraße erreichbar.",
                    german, MarkdownRenderer.ToSafeHtml(german)),
                new AnnouncementVariant("en", string.Create(CultureInfo.InvariantCulture, $"Announcement {n}: town hall access via Schillerstraße"),
                    "Because of roadworks the town hall is reached via Schillerstraße for two weeks.", english, MarkdownRenderer.ToSafeHtml(english)),
            ],
            [],
            [],
            kind == AnnouncementKind.OfficialNotice ? DateOnly.FromDateTime(now.UtcDateTime.AddDays(14)) : null,
            kind == AnnouncementKind.Event ? new EventDetails(now.AddDays(n), now.AddDays(n).AddHours(3), "Marktplatz 1, Musterstadt") : null,
            null);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static void Print(List<Result> results)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine("| endpoint | concurrency | requests | req/s | p50 ms | p95 ms | body bytes | errors | req/s ÷ bare JSON |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var bare = results.First(b => b.Concurrency == r.Concurrency);
            Console.WriteLine(string.Create(c,
                $"| {r.Name} | {r.Concurrency} | {r.Requests} | {r.PerSecond:0} | {r.P50:0.00} | {r.P95:0.00} | {r.Bytes} | {r.Errors} | {r.PerSecond / bare.PerSecond:0.000} |"));
        }

        foreach (var level in results.GroupBy(r => r.Concurrency))
        {
            var bare = level.First();
            var listRow = level.First(r => r.Name.EndsWith("limit=50", StringComparison.Ordinal));
            Console.WriteLine(string.Create(c,
                $"Concurrency {level.Key}: the list of 50 serves {listRow.PerSecond:0} req/s, the bare endpoint {bare.PerSecond:0} req/s: 1 : {bare.PerSecond / listRow.PerSecond:0.0}."));
        }
    }

    private sealed record Target(string Name, string Path, EntityTagHeaderValue? IfNoneMatch, HttpStatusCode Expected);

    private sealed record Result(string Name, int Concurrency, int Requests, double PerSecond, double P50, double P95, long Bytes, int Errors);

    /// <summary>The real host on the given database, in Production, with the bare endpoint added.</summary>
    private sealed class Host(string connectionString) : WebApplicationFactory<EgovHost::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // The factory looks for its manifest in the working directory, which is the repository root here.
            builder.UseSolutionRelativeContentRoot(Path.Combine("src", "Host", "Egov.Host"));
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Egov", connectionString);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, BareEndpoint>());
        }
    }

    /// <summary>Maps <see cref="BarePath"/> after the host's own pipeline, as the host's tests map their probes.</summary>
    private sealed class BareEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.UseRouting();
            app.UseEndpoints(endpoints => endpoints.MapGet(BarePath, () => TypedResults.Ok(new BareAnswer("ok"))).AllowAnonymous());
        };
    }

    private sealed record BareAnswer(string Status);

    private sealed record Settings(string ConnectionString, int[] Concurrency, TimeSpan Duration, TimeSpan WarmUp, int Rounds)
    {
        public const string EnvironmentVariable = "EGOV_BENCH_POSTGRES";

        public const string Usage =
            $"usage: read-load [--connection-string \"Host=127.0.0.1;Port=55433;Username=postgres;Database=egov_readload\" | ${EnvironmentVariable}] " +
            "[--concurrency 8 | 1,8,32] [--duration 5] [--rounds 3] [--warm-up 3]";

        public static Settings Parse(string[] args)
        {
            var connectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
            int[] concurrency = [1, 8];
            var seconds = 5;
            var warmUp = 3;
            var rounds = 3;
            for (var i = 0; i < args.Length; i++)
            {
                var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
                switch (args[i])
                {
                    case "--connection-string":
                        connectionString = value;
                        break;
                    case "--concurrency":
                        concurrency = [.. value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))];
                        break;
                    case "--duration":
                        seconds = int.Parse(value, CultureInfo.InvariantCulture);
                        break;
                    case "--rounds":
                        rounds = int.Parse(value, CultureInfo.InvariantCulture);
                        break;
                    case "--warm-up":
                        warmUp = int.Parse(value, CultureInfo.InvariantCulture);
                        break;
                    default:
                        throw new ArgumentException($"Unknown option {args[i]}.");
                }

                i++;
            }

            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new ArgumentException($"No PostgreSQL: give --connection-string or set {EnvironmentVariable} (a database the host may migrate; see README.md).");
            }

            if (concurrency.Length == 0 || concurrency.Any(c => c is < 1 or > 256) || seconds is < 1 or > 600 || warmUp is < 0 or > 60 || rounds is < 1 or > 15)
            {
                throw new ArgumentException("Limits: concurrency 1–256, duration 1–600 s, warm-up 0–60 s, rounds 1–15.");
            }

            return new Settings(connectionString, concurrency, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(warmUp), rounds);
        }
    }
}
