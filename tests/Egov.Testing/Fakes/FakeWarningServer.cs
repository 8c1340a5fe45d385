using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Egov.Testing.Fakes;

/// <summary>
/// The federal warning API (BBK, NINA / warnung.bund.de <c>api31</c>) on 127.0.0.1, as its public documentation
/// (bundesAPI/nina-api) describes it: <c>GET /dashboard/{ARS}.json</c> answers a JSON array with one entry per
/// warning in force for that district (<c>id</c>, <c>payload</c> with <c>id</c>, <c>type</c>, <c>version</c> and
/// <c>data</c>: <c>headline</c>, <c>provider</c>, <c>severity</c>, <c>msgType</c>; <c>sent</c>), and
/// <c>GET /warnings/{id}.json</c> the warning itself in the JSON form of CAP. Unknown keys or ids are 404.
/// Set what a district's dashboard lists with <see cref="Serve"/>.
/// </summary>
public sealed class FakeWarningServer : FakePlatformServer
{
    private readonly ConcurrentDictionary<string, string[]> _dashboards = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _warnings = new(StringComparer.Ordinal);

    /// <summary>The base address the reader is configured with (<see cref="FakePlatformServer.BaseAddress"/>, the API's root).</summary>
    public Uri ApiBase => BaseAddress;

    /// <summary>From now on the dashboard of <paramref name="regionalKey"/> lists exactly <paramref name="warnings"/> (CAP JSON documents), each also served by its id.</summary>
    /// <returns>The identifiers, in order.</returns>
    public IReadOnlyList<string> Serve(string regionalKey, params string[] warnings)
    {
        var ids = new List<string>();
        foreach (var warning in warnings)
        {
            var id = JsonNode.Parse(warning)!["identifier"]!.GetValue<string>();
            _warnings[id] = warning;
            ids.Add(id);
        }

        _dashboards[regionalKey] = [.. ids];
        return ids;
    }

    private TaskCompletionSource? _gate;
    private int _gateCount;
    private int _waiting;

    /// <summary>
    /// Holds the answers to warning details until <paramref name="requests"/> detail requests have arrived (at most
    /// 10 s): with one per polling instance, every instance has looked for known warnings before any imports one.
    /// </summary>
    public void HoldDetailsUntil(int requests)
    {
        _gateCount = requests;
        _waiting = 0;
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Requests for a warning's detail (<c>/warnings/{id}.json</c>) so far.</summary>
    public int DetailRequests => Requests.Count(r => r.Path.StartsWith("/warnings/", StringComparison.Ordinal));

    protected override void Map(WebApplication app)
    {
        app.MapGet("/dashboard/{file}", (string file) =>
        {
            var key = file.EndsWith(".json", StringComparison.Ordinal) ? file[..^5] : file;
            if (!_dashboards.TryGetValue(key, out var ids))
            {
                return Results.NotFound();
            }

            var entries = ids.Select(id =>
            {
                using var document = JsonDocument.Parse(_warnings[id]);
                var root = document.RootElement;
                var info = root.GetProperty("info")[0];
                return new
                {
                    id,
                    payload = new
                    {
                        version = 1,
                        type = "ALERT",
                        id,
                        hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(_warnings[id]))),
                        data = new
                        {
                            headline = info.TryGetProperty("headline", out var h) ? h.GetString() : "",
                            provider = id.Split('.')[0].ToUpperInvariant(),
                            severity = info.GetProperty("severity").GetString(),
                            msgType = root.GetProperty("msgType").GetString(),
                        },
                    },
                    i18nTitle = new { de = info.TryGetProperty("headline", out var t) ? t.GetString() : "" },
                    sent = root.GetProperty("sent").GetString(),
                };
            });
            return Results.Json(entries);
        });
        app.MapGet("/warnings/{file}", async (string file) =>
        {
            if (_gate is { } gate)
            {
                if (Interlocked.Increment(ref _waiting) >= _gateCount)
                {
                    gate.TrySetResult();
                }

                await gate.Task.WaitAsync(TimeSpan.FromSeconds(10));
            }

            var id = file.EndsWith(".json", StringComparison.Ordinal) ? file[..^5] : file;
            return _warnings.TryGetValue(id, out var json) ? Results.Text(json, "application/json") : Results.NotFound();
        });
    }
}
