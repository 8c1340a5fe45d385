using System.Diagnostics;
using Npgsql;

namespace Egov.Benchmarks;

/// <summary>
/// The anchor beside the submit figures: what the same PostgreSQL does with nothing but one small
/// <c>INSERT</c> committed per round trip (autocommit, so one WAL flush per commit unless commits
/// are grouped), N connections in a closed loop for a fixed time. No submission can commit faster
/// than this on the same machine and settings.
/// </summary>
internal static class RawCommit
{
    /// <summary>Commits per second and latency percentiles in milliseconds.</summary>
    internal sealed record Result(double PerSecond, double P50, double P95);

    public static async Task<Result> RunAsync(string connectionString, int concurrency, TimeSpan duration)
    {
        await using (var setup = new NpgsqlConnection(connectionString))
        {
            await setup.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS public.bench_commit (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), payload text NOT NULL)", setup);
            await create.ExecuteNonQueryAsync();
        }

        var latencies = new List<double>[concurrency];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("INSERT INTO public.bench_commit (payload) VALUES (@p)", connection);
            insert.Parameters.AddWithValue("p", "EGOV-2026-000000");
            await insert.PrepareAsync();
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await insert.ExecuteNonQueryAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var elapsed = clock.Elapsed;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(all.Length / elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.95));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
