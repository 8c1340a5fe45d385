using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Egov.Modules.Outreach.Features.Demo;

/// <summary>
/// The receiver of the demo webhook channel on the development host: <c>POST /_demo/webhook-sink</c> keeps the
/// last <see cref="Capacity"/> deliveries in memory and logs each; <c>GET /_demo/webhook-sink</c> lists them, newest
/// first, as <c>[{ receivedAt (UTC), deliveryId, text, payload }]</c>. Mapped only with the demo content
/// (<c>Egov:Demo:Enabled</c>), never in an installation. It does not verify the signature: it is a window, not a
/// receiver to copy (docs/modules/outreach.md, "Webhook signature", shows how a receiver verifies).
/// </summary>
internal sealed partial class DemoWebhookSink(TimeProvider time, ILogger<DemoWebhookSink> logger)
{
    /// <summary>How many deliveries are kept.</summary>
    public const int Capacity = 50;

    /// <summary>The sink's path on the host.</summary>
    public const string Path = "/_demo/webhook-sink";

    private const int MaxBodyBytes = 256 * 1024;

    private readonly ConcurrentQueue<DemoWebhookDelivery> _deliveries = new();

    /// <summary>Maps the sink's two endpoints.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        var sink = app.MapGroup(Path).ExcludeFromDescription();
        sink.MapPost("", (HttpRequest request, DemoWebhookSink s, CancellationToken ct) => s.ReceiveAsync(request, ct));
        sink.MapGet("", (DemoWebhookSink s) => TypedResults.Ok(s._deliveries.Reverse().ToArray()));
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        JsonElement payload;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            payload = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return TypedResults.BadRequest();
        }

        var text = payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var delivery = new DemoWebhookDelivery(time.GetUtcNow(), request.Headers["Egov-Delivery-Id"].ToString(), text, payload);
        _deliveries.Enqueue(delivery);
        while (_deliveries.Count > Capacity && _deliveries.TryDequeue(out _))
        {
        }

        LogReceived(delivery.DeliveryId, text ?? "");
        return TypedResults.Ok();
    }

    [LoggerMessage(LogLevel.Information, "Demo webhook sink received delivery {DeliveryId}: {Text}")]
    private partial void LogReceived(string deliveryId, string text);
}

/// <summary>One delivery the demo sink received.</summary>
/// <param name="ReceivedAt">When it arrived (UTC).</param>
/// <param name="DeliveryId">The <c>Egov-Delivery-Id</c> header.</param>
/// <param name="Text">The payload's <c>text</c>.</param>
/// <param name="Payload">The JSON body as sent.</param>
internal sealed record DemoWebhookDelivery(DateTimeOffset ReceivedAt, string DeliveryId, string? Text, JsonElement Payload);
