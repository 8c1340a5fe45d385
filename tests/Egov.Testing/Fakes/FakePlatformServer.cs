using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Egov.Testing.Fakes;

/// <summary>
/// A fake of an outside platform: a real Kestrel server on 127.0.0.1 and a free port that records every
/// request (method, path, query, headers, body, time) before its routes answer. Thread-safe: one instance
/// serves any number of channels at once. Start with <see cref="StartAsync"/>, dispose to stop.
/// </summary>
public abstract class FakePlatformServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private WebApplication? _app;

    /// <summary><c>http://127.0.0.1:{port}/</c>, once started.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every request so far, in order of arrival.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>The requests whose path ends with <paramref name="pathEnd"/> (e.g. <c>/api/v1/statuses</c>, <c>/sendMessage</c>).</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string pathEnd) =>
        [.. _requests.Where(request => request.Path.EndsWith(pathEnd, StringComparison.Ordinal))];

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            context.Request.Body.Position = 0;
            _requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "/",
                context.Request.QueryString.Value ?? "",
                context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray(),
                DateTimeOffset.UtcNow));
            await next(context);
        });
        Map(_app);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First().TrimEnd('/') + "/");
    }

    /// <summary>Forgets the requests recorded so far (not what the platform stored).</summary>
    public void ClearRequests() => _requests.Clear();

    /// <summary>Maps the platform's routes.</summary>
    protected abstract void Map(WebApplication app);

    /// <summary>The form or JSON parameters of a request, as strings (JSON objects and arrays as their JSON text).</summary>
    protected static async Task<Dictionary<string, string>> ParametersAsync(HttpRequest request)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var (name, value) in form)
            {
                parameters[name] = value.ToString();
            }

            foreach (var file in form.Files)
            {
                parameters[file.Name] = "(file " + file.FileName + ")";
            }
        }
        else if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var document = await JsonDocument.ParseAsync(request.Body);
            foreach (var member in document.RootElement.EnumerateObject())
            {
                parameters[member.Name] = member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString()! : member.Value.GetRawText();
            }
        }

        return parameters;
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>One request as the fake received it.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path, e.g. <c>/api/v1/statuses</c>.</param>
/// <param name="Query">Query string with its <c>?</c>, or empty.</param>
/// <param name="Headers">Headers, names case-insensitive, several values comma-joined.</param>
/// <param name="Body">The raw body.</param>
/// <param name="ReceivedAt">When it arrived (UTC, system clock).</param>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body, DateTimeOffset ReceivedAt)
{
    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The body parsed as JSON.</summary>
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }
}
