using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Egov.IntegrationTests.Mobile.Push;

/// <summary>
/// A push service as browsers use them (RFC 8030), on Kestrel at a free port of 127.0.0.1:
/// <c>POST /push/{id}</c> answers 201 and records the request, unless a test queued other answers
/// for that subscription (e.g. 429 with Retry-After, 410). The checks of VAPID and of the encrypted
/// payload are the tests', on the recorded requests (<see cref="WebPushCrypto"/>).
/// </summary>
public sealed class FakePushService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string? RetryAfter)>> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReceivedPush> _received = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _delays = new(StringComparer.Ordinal);

    private FakePushService(WebApplication app) => _app = app;

    /// <summary>Origin of the service, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Origin { get; private set; } = null!;

    public IReadOnlyCollection<ReceivedPush> Received => _received;

    public static async Task<FakePushService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var service = new FakePushService(app);
        app.MapPost("/push/{id}", async (string id, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            service._received.Enqueue(new ReceivedPush(id, DateTimeOffset.UtcNow, headers, body.ToArray()));
            if (service._delays.TryGetValue(id, out var delay))
            {
                // A slow or dead push service: the answer comes late, or only when the client gives up.
                try
                {
                    await Task.Delay(delay, request.HttpContext.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return Results.Empty;
                }
            }
            if (service._answers.TryGetValue(id, out var queue) && queue.TryDequeue(out var answer))
            {
                if (answer.RetryAfter is { } retryAfter)
                {
                    request.HttpContext.Response.Headers.RetryAfter = retryAfter;
                }

                return Results.StatusCode(answer.Status);
            }

            return Results.StatusCode(StatusCodes.Status201Created);
        });
        await app.StartAsync();
        service.Origin = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return service;
    }

    /// <summary>A new subscription as a browser makes one: endpoint, P-256 key pair and 16-byte auth secret.</summary>
    public BrowserSubscription Subscribe() => new(new Uri(Origin, $"push/{Guid.NewGuid():N}"));

    /// <summary>Queues answers for the next pushes to <paramref name="subscription"/>; afterwards it answers 201 again.</summary>
    public void Answer(BrowserSubscription subscription, params (int Status, string? RetryAfter)[] answers)
    {
        var queue = _answers.GetOrAdd(subscription.Id, _ => new());
        foreach (var answer in answers)
        {
            queue.Enqueue(answer);
        }
    }

    /// <summary>Answers pushes to <paramref name="subscription"/> only after <paramref name="delay"/> (the push is recorded on arrival).</summary>
    public void Delay(BrowserSubscription subscription, TimeSpan delay) => _delays[subscription.Id] = delay;

    public IReadOnlyList<ReceivedPush> For(BrowserSubscription subscription) => [.. _received.Where(r => r.SubscriptionId == subscription.Id)];

    /// <summary>Waits until <paramref name="subscription"/> received <paramref name="count"/> pushes (at most 15 s).</summary>
    public async Task<IReadOnlyList<ReceivedPush>> WaitForAsync(BrowserSubscription subscription, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (For(subscription).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        var received = For(subscription);
        Assert.True(received.Count >= count, $"expected {count} push(es) to {subscription.Id} within 15 s, got {received.Count}");
        return received;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request the fake push service received.</summary>
public sealed record ReceivedPush(string SubscriptionId, DateTimeOffset At, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>The browser's side of a subscription: it alone can decrypt what is pushed to it.</summary>
public sealed class BrowserSubscription : IDisposable
{
    public BrowserSubscription(Uri endpoint)
    {
        Endpoint = endpoint;
        Id = endpoint.Segments[^1];
        Key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var q = Key.ExportParameters(false).Q;
        PublicKey = [0x04, .. q.X!, .. q.Y!];
        AuthSecret = RandomNumberGenerator.GetBytes(16);
    }

    public string Id { get; }

    public Uri Endpoint { get; }

    public ECDiffieHellman Key { get; }

    /// <summary>The uncompressed point (65 bytes), as <c>getKey('p256dh')</c> gives it.</summary>
    public byte[] PublicKey { get; }

    public byte[] AuthSecret { get; }

    /// <summary>The body of <c>POST /api/v1/devices</c> for this subscription.</summary>
    public object Registration(params string[] topics) => new
    {
        platform = "webpush",
        endpoint = Endpoint.ToString(),
        keys = new { p256dh = System.Buffers.Text.Base64Url.EncodeToString(PublicKey), auth = System.Buffers.Text.Base64Url.EncodeToString(AuthSecret) },
        appVersion = "1.4.2",
        topics,
    };

    public void Dispose() => Key.Dispose();
}
