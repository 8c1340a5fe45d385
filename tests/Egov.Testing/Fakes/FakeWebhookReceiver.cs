using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Egov.Testing.Fakes;

/// <summary>
/// A receiver of Egov's signed webhooks on 127.0.0.1, written as a receiver would write it from the
/// documentation (docs/modules/outreach.md, "Webhook signature") and not from Egov's code: it accepts
/// <c>POST</c> on any path (one path per channel), refuses a request whose <c>Egov-Signature</c> does not verify
/// under <see cref="Secret"/> or whose <c>Egov-Timestamp</c> is outside <see cref="Tolerance"/> (401), and keeps
/// each <c>Egov-Delivery-Id</c> once — a repeat is answered 200 with the same id and not kept again.
/// </summary>
public sealed class FakeWebhookReceiver : FakePlatformServer
{
    private readonly ConcurrentDictionary<string, FakeWebhookDelivery> _deliveries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(int StatusCode, bool Store)> _faults = new();
    private int _refused;
    private int _sequence;

    /// <summary>The shared secret (HMAC-SHA256 key) every channel of this receiver is registered with.</summary>
    public string Secret { get; set; } = "egov-test-webhook-secret-0123456789abcdef";

    /// <summary>How far <c>Egov-Timestamp</c> may be from now: 5 minutes, as documented.</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The deliveries accepted, each once, in order.</summary>
    public IReadOnlyList<FakeWebhookDelivery> Deliveries => [.. _deliveries.Values.OrderBy(delivery => delivery.Sequence)];

    /// <summary>Requests refused for their signature or timestamp.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>The next request is answered with <paramref name="statusCode"/> and not kept.</summary>
    public void AnswerOnce(int statusCode) => _faults.Enqueue((statusCode, false));

    /// <summary>The next request is kept, then answered with <paramref name="statusCode"/> (the answer is lost).</summary>
    public void StoreThenAnswerOnce(int statusCode) => _faults.Enqueue((statusCode, true));

    protected override void Map(WebApplication app) => app.MapPost("/{**path}", ReceiveAsync);

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var timestamp = request.Headers["Egov-Timestamp"].ToString();
        if (!IsAuthentic(timestamp, body, request.Headers["Egov-Signature"].ToString()))
        {
            Interlocked.Increment(ref _refused);
            return Results.Problem(statusCode: 401, title: "Signature does not verify");
        }

        var deliveryId = request.Headers["Egov-Delivery-Id"].ToString();
        if (_deliveries.TryGetValue(deliveryId, out var earlier))
        {
            return Results.Json(new { id = earlier.ReceiverId });
        }

        var (statusCode, store) = _faults.TryDequeue(out var fault) ? fault : (200, true);
        if (!store)
        {
            return Results.StatusCode(statusCode);
        }

        using var payload = JsonDocument.Parse(body);
        var sequence = Interlocked.Increment(ref _sequence);
        var delivery = _deliveries.GetOrAdd(deliveryId, id => new FakeWebhookDelivery(
            request.Path.Value ?? "/", id, "wh-" + sequence.ToString(CultureInfo.InvariantCulture), payload.RootElement.Clone(), body, DateTimeOffset.UtcNow, sequence));
        return statusCode == 200 ? Results.Json(new { id = delivery.ReceiverId }) : Results.StatusCode(statusCode);
    }

    /// <summary>The documented check (<see cref="ReceiverSignature"/>).</summary>
    private bool IsAuthentic(string timestamp, byte[] body, string signatureHeader) =>
        ReceiverSignature.IsAuthentic(Secret, Tolerance, timestamp, body, signatureHeader);
}

/// <summary>A webhook delivery the fake receiver accepted.</summary>
/// <param name="Path">The path it was posted to (one per channel).</param>
/// <param name="DeliveryId">Its <c>Egov-Delivery-Id</c>.</param>
/// <param name="ReceiverId">The id the receiver answered with.</param>
/// <param name="Payload">The JSON body.</param>
/// <param name="Body">The raw body, as signed.</param>
/// <param name="ReceivedAt">When it was accepted.</param>
/// <param name="Sequence">Order of acceptance.</param>
public sealed record FakeWebhookDelivery(string Path, string DeliveryId, string ReceiverId, JsonElement Payload, byte[] Body, DateTimeOffset ReceivedAt, int Sequence);
