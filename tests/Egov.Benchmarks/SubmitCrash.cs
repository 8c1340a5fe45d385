using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Egov.Benchmarks;

/// <summary>
/// <c>kill -9</c> of the host in the middle of a submission wave, then the checks of issue 18:
/// starts a durable PostgreSQL (fsync on) and the Release host as its own process; erika prepares N
/// GewA 1 drafts; they are submitted with concurrency C, each with its own <c>Idempotency-Key</c>;
/// after K acknowledged answers the host is killed (SIGKILL) with requests in flight. The host is
/// started again on the same port and database, and then:
/// <list type="number">
/// <item>every acknowledged submission is submitted exactly once, with the reference number of its answer;</item>
/// <item>no reference number is given twice; every submitted application has exactly one <c>ApplicationSubmitted</c> event in the outbox;</item>
/// <item>every submitted application has its receipt with its PDF (the restart's sweep renders what the kill left);</item>
/// <item>every unacknowledged submission retried with its key gives one application; acknowledged ones retried answer their first reference number.</item>
/// </list>
/// Exit code 0 when every check holds.
/// </summary>
internal static class SubmitCrash
{
    private const string FormKey = "gewerbeanmeldung-gewa1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string[] args)
    {
        var applications = Option(args, "--applications", 1000);
        var concurrency = Option(args, "--concurrency", 16);
        var killAfter = Option(args, "--kill-after", applications / 3);

        await using var postgres = await DurablePostgres.StartAsync();
        var host = await HostProcess.StartAsync(postgres.ConnectionString);
        var port = host.BaseUrl.Port;
        Console.WriteLine($"submit-crash: {applications} applications, concurrency {concurrency}, kill -9 after {killAfter} answers; " +
                          $"PostgreSQL {await DurablePostgres.SettingsAsync(postgres.ConnectionString)}; host pid {host.ProcessId} at {host.BaseUrl}");
        try
        {
            using var http = await ClientAsync(host.BaseUrl, concurrency);
            var data = (await http.GetFromJsonAsync<JsonElement>($"/api/v1/forms/{FormKey}", Json))
                .GetProperty("definition").GetProperty("schema").GetProperty("examples")[0].Clone();
            var drafts = new ConcurrentBag<Guid>();
            await ForEachAsync(Enumerable.Range(0, applications), concurrency, async _ =>
            {
                using var created = await http.PostAsJsonAsync("/api/v1/applications", new { form = FormKey }, Json);
                var id = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
                (await http.PutAsJsonAsync($"/api/v1/applications/{id}", new { data }, Json)).EnsureSuccessStatusCode();
                drafts.Add(id);
            });

            // The wave; the host dies after `killAfter` answers with up to `concurrency` requests in flight.
            var acknowledged = new ConcurrentDictionary<Guid, string>();
            var unanswered = new ConcurrentBag<Guid>();
            var killed = 0;
            var clock = Stopwatch.StartNew();
            TimeSpan killedAt = default;
            await ForEachAsync(drafts, concurrency, async id =>
            {
                try
                {
                    using var response = await SubmitAsync(http, id);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        acknowledged[id] = (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("referenceNumber").GetString()!;
                        if (acknowledged.Count >= killAfter && Interlocked.Exchange(ref killed, 1) == 0)
                        {
                            killedAt = clock.Elapsed;
                            host.Kill();
                        }

                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Connection reset or refused: the host is gone.
                }
                catch (TaskCanceledException)
                {
                    // No answer in time.
                }

                unanswered.Add(id);
            });
            Console.WriteLine($"Killed (SIGKILL) after {killedAt.TotalSeconds:0.00} s: {acknowledged.Count} acknowledged, {unanswered.Count} without answer.");

            var restart = Stopwatch.StartNew();
            await host.DisposeAsync();
            host = await HostProcess.StartAsync(postgres.ConnectionString, port);
            Console.WriteLine($"Restarted in {restart.Elapsed.TotalSeconds:0.0} s (pid {host.ProcessId}).");
            long pendingAtRestart;
            await using (var connection = new NpgsqlConnection(postgres.ConnectionString))
            {
                await connection.OpenAsync();
                pendingAtRestart = await ScalarAsync(connection, "SELECT count(*) FROM forms.receipts WHERE pdf IS NULL");
            }

            var receiptsAfterRestart = await SubmitLoad.ReceiptsReadyAsync(postgres.ConnectionString);

            var failures = new List<string>();
            var stored = await SubmittedAsync(postgres.ConnectionString);
            var committedUnanswered = stored.Keys.Count(id => !acknowledged.ContainsKey(id));
            foreach (var (id, reference) in acknowledged)
            {
                if (!stored.TryGetValue(id, out var actual) || actual != reference)
                {
                    failures.Add($"acknowledged {id} ({reference}) is stored as {actual ?? "not submitted"}");
                }
            }

            await CheckStoreAsync(postgres.ConnectionString, stored.Count, failures, "after restart");

            // Retries with their keys: the unanswered ones give one application each; answered ones their first number.
            using var again = await ClientAsync(host.BaseUrl, concurrency);
            var retried = new ConcurrentDictionary<Guid, string>();
            await ForEachAsync(unanswered.Concat(acknowledged.Keys.Take(50)), concurrency, async id =>
            {
                using var response = await SubmitAsync(again, id);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    lock (failures)
                    {
                        failures.Add($"retry of {id}: {(int)response.StatusCode}");
                    }

                    return;
                }

                retried[id] = (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("referenceNumber").GetString()!;
            });
            failures.AddRange(acknowledged.Where(a => retried.TryGetValue(a.Key, out var r) && r != a.Value)
                .Select(a => $"retry of acknowledged {a.Key} answered {retried[a.Key]}, first {a.Value}"));
            var receiptsAfterRetries = await SubmitLoad.ReceiptsReadyAsync(postgres.ConnectionString);
            var final = await SubmittedAsync(postgres.ConnectionString);
            if (final.Count != drafts.Count)
            {
                failures.Add($"{final.Count} of {drafts.Count} applications submitted after the retries");
            }

            await CheckStoreAsync(postgres.ConnectionString, final.Count, failures, "after the retries");

            Console.WriteLine();
            Console.WriteLine("| figure | value |");
            Console.WriteLine("|---|---:|");
            Console.WriteLine($"| drafts | {drafts.Count} |");
            Console.WriteLine($"| acknowledged before the kill | {acknowledged.Count} |");
            Console.WriteLine($"| without answer (in flight or after the kill) | {unanswered.Count} |");
            Console.WriteLine($"| of those committed anyway (answer lost) | {committedUnanswered} |");
            Console.WriteLine($"| acknowledged and stored with their reference after restart | {acknowledged.Count(a => stored.TryGetValue(a.Key, out var r) && r == a.Value)} of {acknowledged.Count} |");
            Console.WriteLine($"| receipts without PDF when the host was up again | {pendingAtRestart} |");
            Console.WriteLine($"| … all rendered (by the start's sweep) within | {Describe(receiptsAfterRestart)} |");
            Console.WriteLine($"| retried with their key, answered 200 | {retried.Count} of {unanswered.Count + Math.Min(50, acknowledged.Count)} |");
            Console.WriteLine($"| submitted after the retries (distinct reference numbers) | {final.Count} ({final.Values.Distinct(StringComparer.Ordinal).Count()}) |");
            Console.WriteLine($"| all receipts rendered after the retries within | {Describe(receiptsAfterRetries)} |");
            Console.WriteLine($"| failed checks | {failures.Count} |");
            foreach (var failure in failures.Take(20))
            {
                Console.WriteLine($"FAILED: {failure}");
            }

            return failures.Count == 0 ? 0 : 1;
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static string Describe(TimeSpan? ready) => ready is { } t ? $"{t.TotalMilliseconds:0} ms" : "not within 60 s";

    /// <summary>Distinct reference numbers, one ApplicationSubmitted event and one rendered receipt per submitted application.</summary>
    private static async Task CheckStoreAsync(string database, int submitted, List<string> failures, string when)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var distinct = await ScalarAsync(connection, "SELECT count(DISTINCT reference_number) FROM forms.applications WHERE reference_number IS NOT NULL");
        var events = await ScalarAsync(connection, "SELECT count(*) FROM forms.outbox_messages WHERE event_type LIKE '%ApplicationSubmittedIntegrationEvent%'");
        var eventApplications = await ScalarAsync(connection, "SELECT count(DISTINCT (payload::jsonb)->>'applicationId') FROM forms.outbox_messages WHERE event_type LIKE '%ApplicationSubmittedIntegrationEvent%'");
        var receipts = await ScalarAsync(connection, "SELECT count(*) FROM forms.receipts r JOIN forms.applications a ON a.id = r.application_id AND a.reference_number = r.reference_number WHERE r.pdf IS NOT NULL");
        if (distinct != submitted)
        {
            failures.Add($"{when}: {distinct} distinct reference numbers for {submitted} submissions");
        }

        if (events != submitted || eventApplications != submitted)
        {
            failures.Add($"{when}: {events} ApplicationSubmitted events for {eventApplications} applications, {submitted} submitted");
        }

        if (receipts != submitted)
        {
            failures.Add($"{when}: {receipts} rendered receipts for {submitted} submissions");
        }
    }

    private static async Task<Dictionary<Guid, string>> SubmittedAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, reference_number FROM forms.applications WHERE reference_number IS NOT NULL", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var result = new Dictionary<Guid, string>();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetGuid(0), reader.GetString(1));
        }

        return result;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient http, Guid id)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/submit");
        request.Headers.Add("Idempotency-Key", $"crash-{id}");
        return http.SendAsync(request);
    }

    private static async Task<HttpClient> ClientAsync(Uri baseUrl, int concurrency)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SubmitLoad.GetTokenAsync(http));
        return http;
    }

    private static async Task ForEachAsync<T>(IEnumerable<T> items, int concurrency, Func<T, Task> work)
    {
        using var gate = new SemaphoreSlim(concurrency);
        var tasks = new List<Task>();
        foreach (var item in items)
        {
            await gate.WaitAsync();
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    await work(item);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        await Task.WhenAll(tasks);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
