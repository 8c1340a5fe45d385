using System.Globalization;
using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Engines.TextRules;
using Egov.Modules.Outreach.Features.Channels.Kinds;
using Egov.Modules.Outreach.Features.Channels.Kinds.Bluesky;
using Egov.Modules.Outreach.Features.Channels.Kinds.Mastodon;
using Egov.Modules.Outreach.Features.Channels.Kinds.Telegram;
using Egov.Modules.Outreach.Features.Channels.Kinds.Webhook;
using Egov.Testing.Fakes;
using static Egov.IntegrationTests.Outreach.Adapters.TestDeliveries;

namespace Egov.IntegrationTests.Outreach.Adapters;

/// <summary>The Telegram adapter against a fake Bot API: escaping, splitting, rate limits, and no second message after a timeout.</summary>
[Collection(AdapterCollection.Name)]
public sealed class TelegramAdapterTests(AdapterFactory factory)
{
    private const string BotToken = "123456789:AAE-egov_test_token";

    private TelegramAdapter Adapter => Adapter<TelegramAdapter>(factory);

    private static (ChannelEndpoint Channel, string Chat) NewChannel()
    {
        var chat = "@egov_test_" + Guid.NewGuid().ToString("N")[..10];
        return (Channel(OutreachChannelKinds.Telegram, chat, ("botToken", BotToken)), chat);
    }

    private List<RecordedRequest> SendMessageRequests(string chat) =>
        [.. factory.Telegram.RequestsTo("/sendMessage").Where(r => r.Json().GetProperty("chat_id").GetString() == chat)];

    [Fact]
    public async Task SendAsync_EscapesLessThanAmpersandAndGreaterThan_SoTelegramShowsTheOriginalTextWithItsEmoji()
    {
        var (channel, chat) = NewChannel();
        const string text = "Sperrung <Hauptstraße> & Umleitung -> Ringstraße 🚧 👨‍👩‍👧 a<b>c</b> &amp; bleibt.";

        var outcome = await Adapter.SendAsync(Message(channel, text), Ct);

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        var request = Assert.Single(SendMessageRequests(chat));
        Assert.Equal($"/bot{BotToken}/sendMessage", request.Path);
        var body = request.Json();
        Assert.Equal("HTML", body.GetProperty("parse_mode").GetString());
        Assert.Equal("Sperrung &lt;Hauptstraße&gt; &amp; Umleitung -&gt; Ringstraße 🚧 👨‍👩‍👧 a&lt;b&gt;c&lt;/b&gt; &amp;amp; bleibt.", body.GetProperty("text").GetString());
        var message = Assert.Single(factory.Telegram.MessagesIn(chat));
        Assert.Equal(text, message.Text);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{message.ChatId}:{message.MessageId}"), outcome.PlatformId);
        Assert.Equal($"https://t.me/{chat[1..]}/{message.MessageId}", outcome.Url);
    }

    [Fact]
    public async Task SendAsync_ATextOf10000Characters_ArrivesInPartsOfAtMost4096SplitAtParagraphs()
    {
        var (channel, chat) = NewChannel();
        // Each sentence escapes to 10 characters more than it counts, and its emoji is 2 UTF-16 units but 1 character.
        var paragraphs = Enumerable.Range(1, 14)
            .Select(i => $"Absatz {i}: " + string.Join(' ', Enumerable.Repeat("Straßensperrung & Umleitung <B 27> 🚧 über die Brücke.", 13)))
            .ToList();
        var text = string.Join("\n\n", paragraphs);
        Assert.True(text.Length >= 10_000, $"{text.Length} characters");

        var outcome = await Adapter.SendAsync(Message(channel, text), Ct);

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        var parts = factory.Telegram.MessagesIn(chat);
        Assert.InRange(parts.Count, 3, 4);
        Assert.All(parts, part => Assert.InRange(TextLength.Telegram(part.Text!), 1, 4096));
        Assert.Contains(parts, part => part.Html!.Length > 4096);
        Assert.All(parts, part => Assert.All(part.Text!.Split("\n\n"), paragraph => Assert.Contains(paragraph, paragraphs)));
        Assert.Equal(text, string.Join("\n\n", parts.Select(part => part.Text)));
        Assert.Equal(parts.Count, SendMessageRequests(chat).Count);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{parts[0].ChatId}:{parts[0].MessageId}"), outcome.PlatformId);
    }

    [Fact]
    public async Task SendAsync_When429WithRetryAfter_WaitsThatLongAndSends()
    {
        var (channel, chat) = NewChannel();
        factory.Telegram.RateLimitOnce(retryAfterSeconds: 1);

        var outcome = await Adapter.SendAsync(Message(channel, "Nach der Pause"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        var requests = SendMessageRequests(chat);
        Assert.Equal(2, requests.Count);
        // .NET timers run on a millisecond tick clock and may end up to one tick (≤ 16 ms) before the
        // system clock that stamps the requests says the time is up; the retry must not come earlier.
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(16), $"The retry came after {requests[1].ReceivedAt - requests[0].ReceivedAt}.");
        Assert.Single(factory.Telegram.MessagesIn(chat));
    }

    [Fact]
    public async Task SendAsync_When400_FailsWithTelegramsDescriptionAfterOneRequest()
    {
        var (channel, chat) = NewChannel();
        factory.Telegram.RefuseOnce("Bad Request: chat not found");

        var outcome = await Adapter.SendAsync(Message(channel, "Hallo"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Failed, outcome.Kind);
        Assert.Equal(400, outcome.HttpStatus);
        Assert.Contains("Bad Request: chat not found", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(BotToken, outcome.Error, StringComparison.Ordinal);
        Assert.Single(SendMessageRequests(chat));
    }

    [Fact]
    public async Task SendAsync_WhenTelegramTimesOutAfterReceiving_IsUncertain_AndTheMessageExistsOnce()
    {
        var (channel, chat) = NewChannel();
        factory.Telegram.StoreThenDelayOnce(AdapterFactory.AttemptTimeout + TimeSpan.FromSeconds(3));

        var outcome = await Adapter.SendAsync(Message(channel, "Warnung: Sturmböen"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Uncertain, outcome.Kind);
        Assert.Contains("may or may not be published", outcome.Error, StringComparison.Ordinal);
        Assert.Single(SendMessageRequests(chat));
        Assert.Single(factory.Telegram.MessagesIn(chat));
    }

    [Fact]
    public async Task SendAsync_WhenTheSecondPartFails_IsUncertain_NamingThePublishedPart()
    {
        var (channel, chat) = NewChannel();
        var text = new string('a', 4000) + "\n\n" + new string('b', 500);
        factory.Telegram.PassOnce();
        factory.Telegram.RateLimitOnce(retryAfterSeconds: 600);

        var outcome = await Adapter.SendAsync(Message(channel, text), Ct);

        Assert.Equal(DeliveryOutcomeKind.Uncertain, outcome.Kind);
        var published = Assert.Single(factory.Telegram.MessagesIn(chat));
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{published.ChatId}:{published.MessageId}"), outcome.PlatformId);
        Assert.Contains(published.MessageId.ToString(CultureInfo.InvariantCulture), outcome.Error, StringComparison.Ordinal);
        Assert.Contains("step 2 failed", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(2, SendMessageRequests(chat).Count);
    }

    [Fact]
    public async Task SendAsync_WithAnImageAndAShortText_SendsOnePhotoWithTheEscapedTextAsCaption()
    {
        var (channel, chat) = NewChannel();

        var outcome = await Adapter.SendAsync(Message(channel, "Stadtfest <heute> & morgen", media: [Image("Bühne am Markt")]), Ct);

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        var photo = Assert.Single(factory.Telegram.MessagesIn(chat));
        Assert.Equal(("sendPhoto", 1), (photo.Method, photo.Photos));
        Assert.Equal("Stadtfest &lt;heute&gt; &amp; morgen", photo.Html);
        Assert.Equal("Stadtfest <heute> & morgen", photo.Text);
        Assert.Empty(SendMessageRequests(chat));
    }
}
