using System.Diagnostics;
using System.Globalization;

namespace Egov.Benchmarks;

/// <summary>
/// <c>receipt-loop</c>: renders one seeded form's receipt (as <see cref="ReceiptBenchmarks"/> does) many
/// times in a row and prints the bytes allocated and the CPU time of the process per receipt. Meant as
/// the target of a profiler (<c>dotnet-trace collect -- …</c>); CPU time, unlike wall-clock time, hardly
/// moves with the machine's other load. Also prints the median and 95th percentile of the wall-clock
/// time per receipt.
/// </summary>
internal static class ReceiptLoop
{
    /// <summary>Options: <c>--form</c> Hundesteuer|Parkausweis|GewA1 (GewA1), <c>--count</c> receipts (2000), <c>--warm-up</c> receipts (200), <c>--out</c> a file for the last PDF.</summary>
    public static int Run(string[] args)
    {
        var form = Option(args, "--form") ?? "GewA1";
        var count = int.Parse(Option(args, "--count") ?? "2000", CultureInfo.InvariantCulture);
        var warmUp = int.Parse(Option(args, "--warm-up") ?? "200", CultureInfo.InvariantCulture);
        var benchmarks = new ReceiptBenchmarks { Form = form };
        benchmarks.Setup();
        for (var i = 0; i < warmUp; i++)
        {
            benchmarks.Render();
        }

        var each = new double[count];
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        byte[] pdf = [];
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            pdf = benchmarks.Render();
            each[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        clock.Stop();
        Array.Sort(each);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{form}: {count} receipts, {allocated / count / 1024.0:F1} KB allocated and {cpu.TotalMilliseconds / count:F2} ms CPU (process, GC included) per receipt, {clock.Elapsed.TotalMilliseconds / count:F2} ms wall clock (median {each[count / 2]:F2} ms, p95 {each[count * 95 / 100]:F2} ms), {pdf.Length:N0} PDF bytes"));
        if (Option(args, "--out") is { } path)
        {
            File.WriteAllBytes(path, pdf);
        }

        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
