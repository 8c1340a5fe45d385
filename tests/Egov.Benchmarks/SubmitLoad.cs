using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Egov.Benchmarks;

/// <summary>
/// End-to-end submissions per second against a running host (and so its PostgreSQL): signs in as
/// the seeded citizen <c>erika</c> (development provider, password grant of <c>egov-cli</c>), reads
/// the GewA 1 form and takes its first schema example as the data, then for N applications
/// creates a draft and saves the data (phase 1, timed on its own) and submits them all with bounded
/// concurrency (phase 2, the figure that counts). Loopback hosts only; stops after N applications
/// or the time limit, whichever comes first.
/// <para>
/// With <c>--start</c> it runs everything itself: a PostgreSQL cluster with fsync and synchronous
/// commit on (<see cref="DurablePostgres"/>) and the Release host as its own process
/// (<see cref="HostProcess"/>). With a database (<c>--start</c> or <c>--connection-string</c>) it
/// also reports how long after the last answer every receipt PDF was stored, and, as the limit
/// beside each figure, a raw commit at the same concurrency (<see cref="RawCommit"/>). The machine's
/// CPU use during the submits is reported too: client, host and PostgreSQL share its cores.
/// </para>
/// <para>
/// Every n-th citizen (<c>--receipt-every</c>, 10; 0 for none) opens the receipt link of the answer
/// at once, beside the running submits: the run reports how many of those downloads gave the PDF,
/// their 95th percentile and longest time, and how many were the same bytes as a second download
/// after every PDF was stored.
/// </para>
/// </summary>
internal static class SubmitLoad
{
    private const string FormKey = "gewerbeanmeldung-gewa1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

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

        await using var postgres = settings.Start ? await DurablePostgres.StartAsync() : null;
        await using var host = postgres is null ? null : await HostProcess.StartAsync(postgres.ConnectionString);
        var baseUrl = host?.BaseUrl ?? settings.BaseUrl;
        var database = postgres?.ConnectionString ?? settings.ConnectionString;

        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = settings.Concurrency.Max(),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("de"));

        var token = await GetTokenAsync(http);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var data = await GetExampleAsync(http);

        Console.WriteLine($"Submit load against {baseUrl} — form {FormKey}, {settings.Applications} applications per run, " +
                          $"time limit {settings.TimeLimit.TotalSeconds:0} s, {Environment.ProcessorCount} cores, load average {CpuMeter.LoadAverage()}");
        if (database is not null)
        {
            Console.WriteLine($"PostgreSQL: {await DurablePostgres.SettingsAsync(database)}");
        }

        var results = new List<RunResult>();
        foreach (var concurrency in settings.Concurrency)
        {
            // Each run (its warm-up, drafts and submits) has its own time limit.
            using var deadline = new CancellationTokenSource(settings.TimeLimit);

            // A short warm-up per run: the first requests pay JIT, connection and cache costs.
            await RunAsync(http, data, Math.Min(settings.Applications, Math.Max(concurrency, 10)), concurrency, null, null, 0, deadline.Token);
            var result = await RunAsync(http, data, settings.Applications, concurrency, database, host is null ? null : host.CpuTime, settings.ReceiptEvery, deadline.Token);
            var anchor = database is null ? null : await RawCommit.RunAsync(database, concurrency, TimeSpan.FromSeconds(3));
            results.Add(result with { Anchor = anchor });
        }

        Print(results);
        if (results.Any(r => r.Submitted < r.Requested))
        {
            Console.WriteLine("Note: a run stopped at the time limit or on errors before submitting every application.");
        }

        var ok = results.All(r => r.Errors == 0 && r.DistinctReferences == r.Submitted);
        if (!ok)
        {
            Console.WriteLine("FAILED: non-2xx answers or duplicate reference numbers (see above).");
        }

        return ok ? 0 : 1;
    }

    private static async Task<RunResult> RunAsync(
        HttpClient http, JsonElement data, int applications, int concurrency, string? database, Func<TimeSpan>? hostCpu, int receiptEvery,
        CancellationToken deadline)
    {
        var errors = new ErrorLog();
        var cpuAtStart = hostCpu?.Invoke();

        // Phase 1: drafts with their data, with the same concurrency; timed apart from the submits.
        var prepare = Stopwatch.StartNew();
        var ids = await ForEachAsync(Enumerable.Range(0, applications), concurrency, async (_, ct) =>
        {
            using var created = await http.PostAsJsonAsync("/api/v1/applications", new { form = FormKey }, Json, ct);
            if (created.StatusCode != HttpStatusCode.Created)
            {
                await errors.AddAsync("create", created, ct);
                return (Guid?)null;
            }

            var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Json, ct)).GetProperty("id").GetGuid();
            using var saved = await http.PutAsJsonAsync($"/api/v1/applications/{id}", new { data }, Json, ct);
            if (!saved.IsSuccessStatusCode)
            {
                await errors.AddAsync("save", saved, ct);
                return null;
            }

            return id;
        }, deadline);
        prepare.Stop();
        var cpuAfterDrafts = hostCpu?.Invoke();
        var drafts = ids.Where(id => id is not null).Select(id => id!.Value).ToList();

        // Phase 2: the submits only, at most `concurrency` in flight.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"c={concurrency}: {drafts.Count} drafts in {prepare.Elapsed.TotalSeconds:0.0} s; submitting"));
        var cpu = new CpuMeter();
        var answered = 0;
        var downloads = new List<Task<ReceiptDownload>>();
        var submit = Stopwatch.StartNew();
        var submitted = await ForEachAsync(drafts, concurrency, async (id, ct) =>
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.PostAsync($"/api/v1/applications/{id}/submit", content: null, ct);
            var latency = Stopwatch.GetElapsedTime(started);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                await errors.AddAsync("submit", response, ct);
                return (Reference: (string?)null, Latency: latency);
            }

            var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json, ct);

            // Every n-th citizen opens the receipt link of the answer at once, as a person who wants
            // the PDF does; the download runs beside the submits, outside the concurrency limit.
            if (receiptEvery > 0 && Interlocked.Increment(ref answered) % receiptEvery == 0)
            {
                var url = body.GetProperty("receipt").GetProperty("url").GetString()!;
                lock (downloads)
                {
                    downloads.Add(DownloadReceiptAsync(http, url));
                }
            }

            return (Reference: body.GetProperty("referenceNumber").GetString(), Latency: latency);
        }, deadline);
        submit.Stop();
        var busy = cpu.BusyPercent();
        var early = await Task.WhenAll(downloads);
        var receiptsReady = database is null ? (TimeSpan?)null : await ReceiptsReadyAsync(database);
        var cpuAfterReceipts = hostCpu?.Invoke();

        // The same receipts once every PDF is stored: a receipt is the same bytes on every download.
        var later = await Task.WhenAll(early.Select(d => DownloadReceiptAsync(http, d.Url)));
        var receiptDownloads = early.Length == 0 ? null : new ReceiptDownloads(
            early.Length,
            early.Count(d => d.Status == HttpStatusCode.OK),
            Percentile([.. early.Select(d => d.Latency.TotalMilliseconds).Order()], 0.95),
            early.Max(d => d.Latency.TotalMilliseconds),
            early.Zip(later).Count(p => p.First.Status == HttpStatusCode.OK && p.First.Sha256 == p.Second.Sha256));

        var ok = submitted.Where(s => s.Reference is not null).ToList();
        var latencies = ok.Select(s => s.Latency.TotalMilliseconds).Order().ToArray();
        return new RunResult(
            concurrency, applications, drafts.Count, prepare.Elapsed, ok.Count, submit.Elapsed,
            latencies.Length == 0 ? 0 : Percentile(latencies, 0.50),
            latencies.Length == 0 ? 0 : Percentile(latencies, 0.95),
            latencies.Length == 0 ? 0 : latencies[^1],
            errors.Count,
            ok.Select(s => s.Reference).Distinct(StringComparer.Ordinal).Count(),
            ok.Select(s => s.Reference!).Order(StringComparer.Ordinal).FirstOrDefault(),
            ok.Select(s => s.Reference!).Order(StringComparer.Ordinal).LastOrDefault(),
            busy, receiptsReady, receiptDownloads, null,
            cpuAfterDrafts - cpuAtStart is { } draftCpu && drafts.Count > 0 ? draftCpu.TotalMilliseconds / drafts.Count : null,
            cpuAfterReceipts - cpuAfterDrafts is { } submitCpu && ok.Count > 0 ? submitCpu.TotalMilliseconds / ok.Count : null);
    }

    /// <summary>How long after the last answer until no receipt is left without its PDF (polled every 10 ms, at most 60 s).</summary>
    internal static async Task<TimeSpan?> ReceiptsReadyAsync(string database)
    {
        var waited = Stopwatch.StartNew();
        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var pending = new Npgsql.NpgsqlCommand("SELECT count(*) FROM forms.receipts WHERE pdf IS NULL", connection);
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            if ((long)(await pending.ExecuteScalarAsync())! == 0)
            {
                return waited.Elapsed;
            }

            await Task.Delay(10);
        }

        return null;
    }

    /// <summary>Runs <paramref name="work"/> for each item, at most <paramref name="concurrency"/> at once; stops starting new items at the deadline.</summary>
    private static async Task<List<TResult>> ForEachAsync<TItem, TResult>(
        IEnumerable<TItem> items, int concurrency, Func<TItem, CancellationToken, Task<TResult>> work, CancellationToken deadline)
    {
        using var gate = new SemaphoreSlim(concurrency);
        var tasks = new List<Task<TResult>>();
        foreach (var item in items)
        {
            try
            {
                await gate.WaitAsync(deadline);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("Time limit reached; not starting more requests.");
                break;
            }

            tasks.Add(RunOne(item));
        }

        return [.. await Task.WhenAll(tasks)];

        async Task<TResult> RunOne(TItem item)
        {
            try
            {
                // Requests already started run to completion (their own 30 s HTTP timeout).
                return await work(item, CancellationToken.None);
            }
            finally
            {
                gate.Release();
            }
        }
    }

    internal static async Task<string> GetTokenAsync(HttpClient http)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "egov-cli",
            ["username"] = "erika",
            ["password"] = "erika",
            ["scope"] = "openid egov-api",
        });
        using var response = await http.PostAsync("/connect/token", form);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Token request failed: {(int)response.StatusCode} {body}");
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("access_token").GetString()!;
    }

    private static async Task<JsonElement> GetExampleAsync(HttpClient http)
    {
        var form = await http.GetFromJsonAsync<JsonElement>($"/api/v1/forms/{FormKey}", Json);
        return form.GetProperty("definition").GetProperty("schema").GetProperty("examples")[0].Clone();
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static void Print(List<RunResult> results)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine("| Concurrency | Create+save/s | Submits/s | p50 ms | p95 ms | max ms | Errors | Distinct refs | CPU busy | Receipts stored after | Receipt downloads right after the answer: 200, p95 / max ms, same bytes later | Raw commits/s | commit p50 ms | commit p95 ms | host CPU ms per draft | host CPU ms per submit + receipt |");
        Console.WriteLine("|------------:|--------------:|----------:|-------:|-------:|-------:|-------:|--------------:|---------:|---------------------:|----------------:|--------------:|--------------:|--------------:|------:|------:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(c,
                $"| {r.Concurrency} | {r.Drafts / r.PrepareTime.TotalSeconds:0.0} | {r.Submitted / r.SubmitTime.TotalSeconds:0.0} | " +
                $"{r.P50:0.0} | {r.P95:0.0} | {r.Max:0.0} | {r.Errors} | {r.DistinctReferences} of {r.Submitted} | {r.CpuBusy:0} % | " +
                $"{(r.ReceiptsReady is { } ready ? $"{ready.TotalMilliseconds:0} ms" : "–")} | " +
                $"{(r.Downloads is { } d ? $"{d.Ok} of {d.Count}, {d.P95:0} / {d.Max:0} ms, {d.SameBytesLater} of {d.Count}" : "–")} | " +
                $"{(r.Anchor is { } a ? $"{a.PerSecond:0} | {a.P50:0.00} | {a.P95:0.00}" : "– | – | –")} | " +
                $"{(r.HostCpuPerDraft is { } draft ? $"{draft:0.00}" : "–")} | {(r.HostCpuPerSubmission is { } u ? $"{u:0.00}" : "–")} |"));
        }

        Console.WriteLine();
        Console.WriteLine("References: " + string.Join("; ", results.Select(r => $"c={r.Concurrency}: {r.FirstReference} … {r.LastReference}")));
    }

    private sealed record RunResult(
        int Concurrency, int Requested, int Drafts, TimeSpan PrepareTime, int Submitted, TimeSpan SubmitTime,
        double P50, double P95, double Max, int Errors, int DistinctReferences, string? FirstReference, string? LastReference,
        double CpuBusy, TimeSpan? ReceiptsReady, ReceiptDownloads? Downloads, RawCommit.Result? Anchor, double? HostCpuPerDraft, double? HostCpuPerSubmission);

    /// <summary>
    /// The receipts opened right after their submit's answer: how many, how many answered <c>200</c>
    /// with the PDF, the 95th percentile and the longest time from the request to the last byte (ms),
    /// and how many were the same bytes as the download of the same receipt after every PDF was stored.
    /// </summary>
    private sealed record ReceiptDownloads(int Count, int Ok, double P95, double Max, int SameBytesLater);

    private sealed record ReceiptDownload(string Url, HttpStatusCode Status, TimeSpan Latency, string? Sha256);

    /// <summary>Downloads a receipt; the time runs from the request to the PDF's last byte.</summary>
    private static async Task<ReceiptDownload> DownloadReceiptAsync(HttpClient http, string url)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.GetAsync(url);
            var pdf = await response.Content.ReadAsByteArrayAsync();
            var latency = Stopwatch.GetElapsedTime(started);
            var ok = response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "application/pdf" && pdf.AsSpan().StartsWith("%PDF-"u8);
            return new ReceiptDownload(url, ok ? HttpStatusCode.OK : response.StatusCode == HttpStatusCode.OK ? HttpStatusCode.UnprocessableContent : response.StatusCode,
                latency, ok ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(pdf)) : null);
        }
        catch (HttpRequestException)
        {
            return new ReceiptDownload(url, 0, Stopwatch.GetElapsedTime(started), null);
        }
    }

    /// <summary>Counts non-2xx answers and prints the first few with their body.</summary>
    private sealed class ErrorLog
    {
        private int _count;

        public int Count => _count;

        public async Task AddAsync(string step, HttpResponseMessage response, CancellationToken ct)
        {
            if (Interlocked.Increment(ref _count) <= 5)
            {
                var body = await response.Content.ReadAsStringAsync(ct);
                Console.WriteLine($"{step}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 500)]}");
            }
        }
    }

    private sealed record Settings(Uri BaseUrl, int Applications, int[] Concurrency, TimeSpan TimeLimit, bool Start, string? ConnectionString, int ReceiptEvery)
    {
        public const string Usage =
            "usage: submit-load [--start | --base-url http://localhost:5080 [--connection-string …]] [--applications 600] [--concurrency 1,8,16,32] [--time-limit 120] [--receipt-every 10]";

        public static Settings Parse(string[] args)
        {
            var baseUrl = new Uri("http://localhost:5080");
            var applications = 600;
            int[] concurrency = [1, 8, 16, 32];
            var seconds = 120;
            var start = false;
            string? connectionString = null;
            var receiptEvery = 10;
            for (var i = 0; i < args.Length; i++)
            {
                if (args[i] == "--start")
                {
                    start = true;
                    continue;
                }

                var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
                switch (args[i])
                {
                    case "--base-url":
                        baseUrl = new Uri(value, UriKind.Absolute);
                        break;
                    case "--applications":
                        applications = int.Parse(value, CultureInfo.InvariantCulture);
                        break;
                    case "--concurrency":
                        concurrency = [.. value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))];
                        break;
                    case "--time-limit":
                        seconds = int.Parse(value, CultureInfo.InvariantCulture);
                        break;
                    case "--connection-string":
                        connectionString = value;
                        break;
                    case "--receipt-every":
                        receiptEvery = int.Parse(value, CultureInfo.InvariantCulture);
                        break;
                    default:
                        throw new ArgumentException($"Unknown option {args[i]}.");
                }

                i++;
            }

            // A load generator must not be pointed at someone else's server by accident.
            if (!baseUrl.IsLoopback)
            {
                throw new ArgumentException($"{baseUrl} is not a loopback address; submit-load runs against a local host only.");
            }

            if (applications is < 1 or > 10_000 || concurrency.Length == 0 || concurrency.Any(c => c is < 1 or > 64) || seconds is < 1 or > 600 || receiptEvery < 0)
            {
                throw new ArgumentException("Limits: 1–10000 applications, concurrency 1–64, time limit 1–600 s, --receipt-every 0 (none) or more.");
            }

            return new Settings(baseUrl, applications, concurrency, TimeSpan.FromSeconds(seconds), start, connectionString, receiptEvery);
        }
    }
}
