using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.Modules.Outreach.Contracts;
using Egov.SharedKernel.Http;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Channels.Kinds.Webhook;

/// <summary>
/// Delivers a post as signed JSON to a receiver the city runs or trusts (a CMS, a display board, a partner's
/// system): <c>POST {address}</c> with
/// <c>{deliveryId, channel: {id, name}, text, link, language, contentWarning, crisis, media: [{fileName, contentType, altText, sha256}], replyTo, sentAt}</c>
/// and the headers <c>Egov-Delivery-Id</c>, <c>Egov-Timestamp</c> and <c>Egov-Signature</c>
/// (<see cref="WebhookSignature"/>). Images are described, not sent: their SHA-256 lets the receiver match them.
/// </summary>
/// <remarks>
/// <para><b>Never twice</b> is the receiver's part, made possible here: <c>Egov-Delivery-Id</c> is the same on every
/// try and every attempt of a delivery, so the receiver keeps the ids it has processed and answers a repeat with
/// 2xx without acting again. With that, retrying after a timeout or a 5xx is safe and the pipeline does it.</para>
/// <para>Outcomes: 2xx → Sent (PlatformId = the receiver's <c>id</c> if its JSON answer has one, else the delivery
/// id); 408, 429 (with <c>Retry-After</c>) and 5xx, timeouts, refused connections → Retry; any other 4xx (410 Gone,
/// 401 for a bad signature) → Failed.</para>
/// </remarks>
internal sealed class WebhookAdapter(HttpClient http, IOptions<DeliveryHttpOptions> options, TimeProvider time) : IChannelAdapter
{
    private const string Platform = "Webhook receiver";

    public string Kind => OutreachChannelKinds.Webhook;

    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var channel = message.Channel;
        return await PlatformHttp.AttemptAsync(Platform, options.Value.CircuitBreakerBreakDuration, async () =>
        {
            var secret = PlatformHttp.Credential(channel, "secret");
            if (!Uri.TryCreate(channel.Address, UriKind.Absolute, out var receiver))
            {
                return DeliveryOutcome.Failed($"The webhook address '{channel.Address}' is not an absolute URL.");
            }

            var now = time.GetUtcNow();
            var body = JsonSerializer.SerializeToUtf8Bytes(Payload(message, now));
            var timestamp = now.ToUnixTimeSeconds();
            using var request = PlatformHttp.Request(HttpMethod.Post, receiver, channel);
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add(WebhookSignature.DeliveryIdHeader, message.DeliveryId.ToString());
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, body));
            using var response = await http.SendAsync(request, cancellationToken);
            var answer = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return DeliveryOutcome.Sent(PlatformHttp.Member(answer, "id") ?? message.DeliveryId.ToString(), PlatformHttp.Member(answer, "url"), (int)response.StatusCode);
            }

            var error = "Webhook receiver: " + PlatformHttp.Describe(response, PlatformHttp.Member(answer, "detail") ?? PlatformHttp.Member(answer, "error"));
            return PlatformHttp.ForErrorStatus(response, error, await PlatformRetryAfter.ReadAsync(response, time, cancellationToken));
        }, cancellationToken);
    }

    /// <summary>Null: a receiver reports no engagement.</summary>
    public Task<Engagement?> GetEngagementAsync(ChannelEndpoint channel, string platformId, CancellationToken cancellationToken) =>
        Task.FromResult<Engagement?>(null);

    private static JsonObject Payload(OutboundMessage message, DateTimeOffset now)
    {
        var media = new JsonArray();
        foreach (var item in message.Media)
        {
            media.Add(new JsonObject
            {
                ["fileName"] = item.FileName,
                ["contentType"] = item.ContentType,
                ["altText"] = item.AltText,
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(item.Content)),
            });
        }

        return new JsonObject
        {
            ["deliveryId"] = message.DeliveryId,
            ["channel"] = new JsonObject { ["id"] = message.Channel.ChannelId, ["name"] = message.Channel.Name },
            ["text"] = message.Text,
            ["link"] = message.Link,
            ["language"] = message.Language,
            ["contentWarning"] = message.ContentWarning,
            ["crisis"] = message.Crisis,
            ["media"] = media,
            ["replyTo"] = message.ReplyTo,
            ["sentAt"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
    }
}
