using System.Security.Cryptography;
using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Features.Channels.Kinds;
using Egov.Modules.Outreach.Features.Channels.Kinds.Bluesky;
using Egov.Modules.Outreach.Features.Channels.Kinds.Mastodon;
using Egov.Modules.Outreach.Features.Channels.Kinds.Telegram;
using Egov.Modules.Outreach.Features.Channels.Kinds.Webhook;
using Egov.SharedKernel.Http;
using Egov.Testing.Fakes;
using static Egov.IntegrationTests.Outreach.Adapters.TestDeliveries;

namespace Egov.IntegrationTests.Outreach.Adapters;

/// <summary>The webhook adapter against a fake receiver that verifies as the documentation tells receivers to.</summary>
[Collection(AdapterCollection.Name)]
public sealed class WebhookAdapterTests(AdapterFactory factory)
{
    private WebhookAdapter Adapter => Adapter<WebhookAdapter>(factory);

    private (ChannelEndpoint Channel, string Path) NewChannel()
    {
        var path = "/hooks/" + Guid.NewGuid().ToString("N");
        return (Channel(OutreachChannelKinds.Webhook, new Uri(factory.Webhook.BaseAddress, path).ToString(), ("secret", factory.Webhook.Secret)), path);
    }

    private List<RecordedRequest> RequestsTo(string path) => [.. factory.Webhook.Requests.Where(r => r.Path == path)];

    [Fact]
    public async Task SendAsync_SignsTheBody_SoItVerifiesWithTheSecret_AndNotWithAnotherSecretBodyOrTime()
    {
        var (channel, path) = NewChannel();
        var message = Message(channel, "Amtliche Bekanntmachung: Sitzung des Stadtrats", contentWarning: "Amtlich", media: [Image("Sitzungssaal")], link: "https://www.musterstadt.example/rat");

        var outcome = await Adapter.SendAsync(message, Ct);

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        var delivery = Assert.Single(factory.Webhook.Deliveries, d => d.Path == path);
        Assert.Equal(delivery.ReceiverId, outcome.PlatformId);
        var request = Assert.Single(RequestsTo(path));
        var (timestamp, signature) = (request.Header("Egov-Timestamp"), request.Header("Egov-Signature"));
        Assert.Equal(message.DeliveryId.ToString(), request.Header("Egov-Delivery-Id"));
        Assert.Matches("^v1=[0-9a-f]{64}$", signature);
        var now = DateTimeOffset.UtcNow;
        Assert.True(WebhookSignature.Verify(factory.Webhook.Secret, timestamp, request.Body, signature, now));
        Assert.False(WebhookSignature.Verify("another-secret-of-at-least-32-characters", timestamp, request.Body, signature, now));
        Assert.False(WebhookSignature.Verify(factory.Webhook.Secret, timestamp, request.BodyText.Replace("Stadtrats", "Stadtrat!", StringComparison.Ordinal), signature, now));
        Assert.False(WebhookSignature.Verify(factory.Webhook.Secret, timestamp, request.Body, signature, now + TimeSpan.FromMinutes(6)));
        Assert.True(WebhookSignature.Verify(factory.Webhook.Secret, timestamp, request.Body, "v1=" + new string('0', 64) + ", " + signature, now));

        var payload = delivery.Payload;
        Assert.Equal(message.DeliveryId, payload.GetProperty("deliveryId").GetGuid());
        Assert.Equal(channel.ChannelId, payload.GetProperty("channel").GetProperty("id").GetGuid());
        Assert.Equal(("Amtliche Bekanntmachung: Sitzung des Stadtrats", "de", "Amtlich", "https://www.musterstadt.example/rat", false),
            (payload.GetProperty("text").GetString(), payload.GetProperty("language").GetString(), payload.GetProperty("contentWarning").GetString(), payload.GetProperty("link").GetString(), payload.GetProperty("crisis").GetBoolean()));
        var media = Assert.Single(payload.GetProperty("media").EnumerateArray());
        Assert.Equal(("karte.png", "image/png", "Sitzungssaal", Convert.ToHexStringLower(SHA256.HashData(Png))),
            (media.GetProperty("fileName").GetString(), media.GetProperty("contentType").GetString(), media.GetProperty("altText").GetString(), media.GetProperty("sha256").GetString()));
        Assert.True(DateTimeOffset.TryParse(payload.GetProperty("sentAt").GetString(), out _));
    }

    [Fact]
    public async Task SendAsync_When5xxAfterReceiving_RetriesWithTheSameDeliveryId_AndTheReceiverKeepsItOnce()
    {
        var (channel, path) = NewChannel();
        var message = Message(channel, "Zweimal gesendet, einmal angekommen");
        factory.Webhook.StoreThenAnswerOnce(503);

        var outcome = await Adapter.SendAsync(message, Ct);
        var repeat = await Adapter.SendAsync(message with { Attempt = 2 }, Ct);

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        var requests = RequestsTo(path);
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal(message.DeliveryId.ToString(), r.Header("Egov-Delivery-Id")));
        var delivery = Assert.Single(factory.Webhook.Deliveries, d => d.Path == path);
        Assert.Equal(delivery.ReceiverId, outcome.PlatformId);
        Assert.Equal(delivery.ReceiverId, repeat.PlatformId);
    }

    [Fact]
    public async Task SendAsync_WhenTheReceiverKeepsAnswering500_IsRetry()
    {
        var (channel, path) = NewChannel();
        factory.Webhook.AnswerOnce(500);
        factory.Webhook.AnswerOnce(500);
        factory.Webhook.AnswerOnce(500);

        var outcome = await Adapter.SendAsync(Message(channel, "Empfänger gestört"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Retry, outcome.Kind);
        Assert.Equal(500, outcome.HttpStatus);
        Assert.Equal(3, RequestsTo(path).Count);
        Assert.DoesNotContain(factory.Webhook.Deliveries, d => d.Path == path);
    }

    [Fact]
    public async Task SendAsync_When410_FailsAfterOneRequest()
    {
        var (channel, path) = NewChannel();
        factory.Webhook.AnswerOnce(410);

        var outcome = await Adapter.SendAsync(Message(channel, "Empfänger abgeschaltet"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Failed, outcome.Kind);
        Assert.Equal(410, outcome.HttpStatus);
        Assert.Single(RequestsTo(path));
    }

    [Fact]
    public async Task SendAsync_SignedWithAnotherSecret_IsRefusedByTheReceiver_AndFails()
    {
        var (_, path) = NewChannel();
        var channel = Channel(OutreachChannelKinds.Webhook, new Uri(factory.Webhook.BaseAddress, path).ToString(), ("secret", "not-the-receivers-secret-0123456789abcdef"));
        var refused = factory.Webhook.Refused;

        var outcome = await Adapter.SendAsync(Message(channel, "Falsch signiert"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Failed, outcome.Kind);
        Assert.Equal(401, outcome.HttpStatus);
        Assert.Equal(refused + 1, factory.Webhook.Refused);
        Assert.DoesNotContain(factory.Webhook.Deliveries, d => d.Path == path);
    }
}
