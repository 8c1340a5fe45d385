using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Egov.Benchmarks;

/// <summary>
/// The anchor of <c>read-ratio.sh</c>: a bare ASP.NET Core app (slim builder, no middleware but
/// routing, no logging) that serves bodies captured from Egov, so each read can be compared with
/// the same answer from the platform alone. <c>GET /b/{n}</c> serves the n-th line of the manifest
/// (<c>n TAB content-type TAB file</c>): JSON is parsed once and serialised again on every request
/// (what any real JSON endpoint pays at least, as the team's kit in <c>../shared/perf</c> does),
/// other bodies (XML, HTML, iCalendar) are written as they are.
/// </summary>
internal static class BareServe
{
    public const string Usage = "usage: bare-serve --manifest FILE [--urls http://127.0.0.1:5391]";

    public static async Task<int> RunAsync(string[] args)
    {
        var manifest = Option(args, "--manifest");
        var urls = Option(args, "--urls") ?? "http://127.0.0.1:5391";
        if (manifest is null || !File.Exists(manifest))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(urls);
        var app = builder.Build();
        var bodies = new Dictionary<int, IResult>();
        foreach (var line in await File.ReadAllLinesAsync(manifest))
        {
            var parts = line.Split('\t');
            if (parts.Length != 3)
            {
                continue;
            }

            var bytes = await File.ReadAllBytesAsync(parts[2]);
            var n = int.Parse(parts[0], CultureInfo.InvariantCulture);
            bodies[n] = parts[1].StartsWith("application/json", StringComparison.Ordinal)
                ? new ReserialisedJson(JsonDocument.Parse(bytes))
                : Results.Bytes(bytes, parts[1]);
        }

        app.MapGet("/b/{n:int}", (int n) => bodies.TryGetValue(n, out var body) ? body : Results.NotFound());
        await app.RunAsync();
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>Serialises the parsed document again on each request.</summary>
    private sealed class ReserialisedJson(JsonDocument document) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => Results.Json(document.RootElement).ExecuteAsync(httpContext);
    }
}
