using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Egov.IntegrationTests.Outreach;

/// <summary>
/// A Mastodon instance reduced to <c>GET /api/v2/instance</c>, on 127.0.0.1: serves the instance
/// document from the Mastodon documentation (vendored in tests/testdata/mastodon), optionally with
/// another <c>max_characters</c>; counts the reads.
/// </summary>
public sealed class FakeMastodon : IAsyncDisposable
{
    /// <summary>The example from the Mastodon documentation: max_characters 500, characters_reserved_per_url 23, max_media_attachments 4.</summary>
    public static readonly string InstanceExample = File.ReadAllText(TestData("mastodon", "instance_v2_example_mastodon_social.json"));

    private WebApplication? _app;
    private int _reads;

    /// <summary>The document served; change it to make the instance change its limits.</summary>
    public string InstanceDocument { get; set; } = InstanceExample;

    /// <summary>Answer 503 instead (an instance that is down).</summary>
    public bool Down { get; set; }

    public int InstanceReads => Volatile.Read(ref _reads);

    public Uri BaseAddress { get; private set; } = null!;

    public static string WithMaxCharacters(int maxCharacters) =>
        InstanceExample.Replace("\"max_characters\": 500", $"\"max_characters\": {maxCharacters}", StringComparison.Ordinal);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/api/v2/instance", () =>
        {
            Interlocked.Increment(ref _reads);
            return Down ? Results.StatusCode(503) : Results.Text(InstanceDocument, "application/json");
        });
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
    }

    /// <summary>A file under the repository's <c>tests/testdata</c>.</summary>
    public static string TestData(params string[] path)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine([directory.FullName, "tests", "testdata", .. path]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"tests/testdata/{string.Join('/', path)} not found above {AppContext.BaseDirectory}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
