using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Features.Channels.Kinds;
using Egov.Modules.Outreach.Features.Channels.Kinds.Bluesky;
using Egov.Modules.Outreach.Features.Channels.Kinds.Mastodon;
using Egov.Modules.Outreach.Features.Channels.Kinds.Telegram;
using Egov.Modules.Outreach.Features.Channels.Kinds.Webhook;
using Egov.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using static Egov.IntegrationTests.Outreach.Adapters.TestDeliveries;

namespace Egov.IntegrationTests.Outreach.Adapters;

/// <summary>The Mastodon adapter against a fake instance: the requests it makes and how it never publishes twice.</summary>
[Collection(AdapterCollection.Name)]
public sealed class MastodonAdapterTests(AdapterFactory factory)
{
    private MastodonAdapter Adapter => Adapter<MastodonAdapter>(factory);

    private (ChannelEndpoint Channel, string Token) NewChannel()
    {
        var token = "token-" + Guid.NewGuid().ToString("N");
        return (Channel(OutreachChannelKinds.Mastodon, factory.Mastodon.BaseAddress.ToString(), ("accessToken", token)), token);
    }

    /// <summary>The <c>POST /api/v1/statuses</c> of one account.</summary>
    private List<RecordedRequest> StatusRequests(string token) =>
        [.. factory.Mastodon.RequestsTo("/api/v1/statuses").Where(r => r.Header("Authorization") == "Bearer " + token)];

    [Fact]
    public void Host_RegistersOneAdapterPerChannelKind()
    {
        using var scope = factory.Services.CreateScope();
        var adapters = scope.ServiceProvider.GetServices<IChannelAdapter>().ToList();
        var kinds = scope.ServiceProvider.GetRequiredService<ChannelKinds>().All;

        Assert.Equal(
            [OutreachChannelKinds.Mastodon, OutreachChannelKinds.Telegram, OutreachChannelKinds.Bluesky, OutreachChannelKinds.Webhook, OutreachChannelKinds.AppPush,
                OutreachChannelKinds.Facebook, OutreachChannelKinds.Instagram, OutreachChannelKinds.Threads, OutreachChannelKinds.LinkedIn],
            kinds.Select(kind => kind.Name));
        Assert.All(kinds, kind => Assert.IsType(kind.AdapterType, Assert.Single(adapters, adapter => adapter.Kind == kind.Name)));
    }

    [Fact]
    public async Task SendAsync_WhenTheAnswerIsLostAfterStoring_RetriesWithTheSameIdempotencyKeyAndPublishesOnce()
    {
        var (channel, token) = NewChannel();
        var message = Message(channel, "Die Bürgersprechstunde fällt heute aus.");
        factory.Mastodon.StoreThenAnswerOnce(504);

        var outcome = await Adapter.SendAsync(message, Ct);

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        var requests = StatusRequests(token);
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(message.IdempotencyKey, r.Header("Idempotency-Key")));
        var status = Assert.Single(factory.Mastodon.StatusesOf(token));
        Assert.Equal(status.Id, outcome.PlatformId);
        Assert.Equal(status.Url, outcome.Url);
    }

    [Fact]
    public async Task SendAsync_WhenTheRepeatIsAnswered500_FindsTheStatusAmongTheAccountsAndIsSent_PublishingOnce()
    {
        var (channel, token) = NewChannel();
        var message = Message(channel, "Wasserrohrbruch in der Hauptstraße.\n\nUmleitung über die @stadt@social.example-Seite.");
        factory.Mastodon.StoreThenAnswerOnce(504);
        factory.Mastodon.AnswerRepeatsWith = 500;
        DeliveryOutcome outcome;
        try
        {
            outcome = await Adapter.SendAsync(message, Ct);
        }
        finally
        {
            factory.Mastodon.AnswerRepeatsWith = null;
        }

        var status = Assert.Single(factory.Mastodon.StatusesOf(token));
        Assert.Equal((DeliveryOutcomeKind.Sent, status.Id, status.Url), (outcome.Kind, outcome.PlatformId, outcome.Url));
        var requests = StatusRequests(token);
        Assert.Equal(1 + 2, requests.Count); // the first try and two retries, all with the one key; no further POST
        Assert.All(requests, r => Assert.Equal(message.IdempotencyKey, r.Header("Idempotency-Key")));
        Assert.NotEmpty(factory.Mastodon.RequestsTo("/api/v1/accounts/verify_credentials"));
    }

    [Fact]
    public async Task SendAsync_WhenTheRepeatIsAnswered500AndTheAccountCannotBeRead_RetriesOnAFirstAttemptAndIsUncertainOnALaterOne()
    {
        var (channel, token) = NewChannel();
        var message = Message(channel, "Hitzewarnung für das Stadtgebiet.");
        factory.Mastodon.StoreThenAnswerOnce(504);
        factory.Mastodon.AnswerRepeatsWith = 500;
        factory.Mastodon.AnswerAccountLookupsWith = 502;
        DeliveryOutcome first, second;
        try
        {
            first = await Adapter.SendAsync(message, Ct);
            second = await Adapter.SendAsync(message with { Attempt = 2 }, Ct);
        }
        finally
        {
            factory.Mastodon.AnswerRepeatsWith = null;
            factory.Mastodon.AnswerAccountLookupsWith = null;
        }

        Assert.Equal(DeliveryOutcomeKind.Retry, first.Kind);
        Assert.Equal(DeliveryOutcomeKind.Uncertain, second.Kind);
        Assert.Contains("may have been published", second.Error, StringComparison.Ordinal);
        Assert.Single(factory.Mastodon.StatusesOf(token));
    }

    [Fact]
    public async Task SendAsync_WhenAnswered500AndNothingWasStored_LooksAndRetries()
    {
        var (channel, token) = NewChannel();
        for (var i = 0; i < 1 + 2; i++)
        {
            factory.Mastodon.AnswerOnce(500, "Something went wrong"); // the try and both retries of the pipeline
        }

        var outcome = await Adapter.SendAsync(Message(channel, "Nichts gespeichert.") with { Attempt = 2 }, Ct);

        Assert.Equal((DeliveryOutcomeKind.Retry, 500), (outcome.Kind, outcome.HttpStatus));
        Assert.Empty(factory.Mastodon.StatusesOf(token));
        Assert.NotEmpty(factory.Mastodon.RequestsTo("/api/v1/accounts/verify_credentials"));
    }

    [Fact]
    public async Task SendAsync_When429WithRetryAfter2_WaitsAtLeast2SecondsBeforeTheNextRequest()
    {
        var (channel, token) = NewChannel();
        factory.Mastodon.AnswerOnce(429, "Too many requests", TimeSpan.FromSeconds(2));

        var outcome = await Adapter.SendAsync(Message(channel, "Rate limit test"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        var requests = StatusRequests(token);
        Assert.Equal(2, requests.Count);
        // .NET timers run on a millisecond tick clock and may end up to one tick (≤ 16 ms) before the
        // system clock that stamps the requests says the time is up; the retry must not come earlier.
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(2) - TimeSpan.FromMilliseconds(16), $"The retry came after {requests[1].ReceivedAt - requests[0].ReceivedAt}.");
        Assert.Single(factory.Mastodon.StatusesOf(token));
    }

    [Fact]
    public async Task SendAsync_When422_FailsAfterOneRequestWithMastodonsMessage()
    {
        var (channel, token) = NewChannel();
        factory.Mastodon.AnswerOnce(422, "Validation failed: Text character limit of 500 exceeded");

        var outcome = await Adapter.SendAsync(Message(channel, "Zu lang"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Failed, outcome.Kind);
        Assert.Equal(422, outcome.HttpStatus);
        Assert.Contains("Validation failed: Text character limit of 500 exceeded", outcome.Error, StringComparison.Ordinal);
        Assert.Single(StatusRequests(token));
        Assert.Empty(factory.Mastodon.StatusesOf(token));
    }

    [Fact]
    public async Task SendAsync_WithAnImage_SendsItsAltText_WaitsOutProcessing_AndAttachesIt()
    {
        var (channel, token) = NewChannel();
        factory.Mastodon.MediaProcessingPolls = 2;
        DeliveryOutcome outcome;
        try
        {
            outcome = await Adapter.SendAsync(Message(channel, "Neue Radwegkarte", media: [Image("Karte der neuen Radwege rund um den Marktplatz")]), Ct);
        }
        finally
        {
            factory.Mastodon.MediaProcessingPolls = 0;
        }

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        var mine = factory.Mastodon.Requests.Where(r => r.Header("Authorization") == "Bearer " + token).ToList();
        var upload = mine[0];
        Assert.Equal(("POST", "/api/v2/media"), (upload.Method, upload.Path));
        Assert.Contains("name=description", upload.BodyText, StringComparison.Ordinal);
        Assert.Contains("Karte der neuen Radwege rund um den Marktplatz", upload.BodyText, StringComparison.Ordinal);
        var media = Assert.Single(factory.Mastodon.Media, m => m.Description == "Karte der neuen Radwege rund um den Marktplatz");
        Assert.Equal(
            ["GET /api/v1/media/" + media.Id, "GET /api/v1/media/" + media.Id, "GET /api/v1/media/" + media.Id, "POST /api/v1/statuses"],
            mine.Skip(1).Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal([media.Id], mine[^1].Json().GetProperty("media_ids").EnumerateArray().Select(id => id.GetString()));
        Assert.Equal([media.Id], Assert.Single(factory.Mastodon.StatusesOf(token)).MediaIds);
    }

    [Fact]
    public async Task SendAsync_SendsLanguageContentWarningAndReply_PubliclyWithTheBearerToken()
    {
        var (channel, token) = NewChannel();

        var outcome = await Adapter.SendAsync(Message(channel, "Update: Die Umleitung bleibt bis Freitag.", language: "de", contentWarning: "Baustelle", replyTo: "110000000000000042"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        var request = Assert.Single(StatusRequests(token));
        var body = request.Json();
        Assert.Equal("Update: Die Umleitung bleibt bis Freitag.", body.GetProperty("status").GetString());
        Assert.Equal("de", body.GetProperty("language").GetString());
        Assert.Equal("Baustelle", body.GetProperty("spoiler_text").GetString());
        Assert.Equal("110000000000000042", body.GetProperty("in_reply_to_id").GetString());
        Assert.Equal("public", body.GetProperty("visibility").GetString());
        var status = Assert.Single(factory.Mastodon.StatusesOf(token));
        Assert.Equal(("de", "Baustelle", "110000000000000042"), (status.Language, status.SpoilerText, status.InReplyToId));
    }

    [Fact]
    public async Task GetEngagementAsync_ReadsTheCounts_AndDeleteAsyncRetracts()
    {
        var (channel, token) = NewChannel();
        var sent = await Adapter.SendAsync(Message(channel, "Danke fürs Teilen!"), Ct);
        factory.Mastodon.SetEngagement(sent.PlatformId!, favourites: 12, boosts: 5, replies: 3);

        var engagement = await Adapter.GetEngagementAsync(channel, sent.PlatformId!, Ct);
        var deleted = await Adapter.DeleteAsync(channel, sent.PlatformId!, Ct);

        Assert.Equal((12, 5, 3), (engagement!.Favourites, engagement.Boosts, engagement.Replies));
        Assert.Equal(DeliveryOutcomeKind.Sent, deleted.Kind);
        Assert.Empty(factory.Mastodon.StatusesOf(token));
        Assert.Null(await Adapter.GetEngagementAsync(channel, sent.PlatformId!, Ct));
    }

    [Fact]
    public async Task SendAsync_WhenTheInstanceRefusesConnections_IsRetry()
    {
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var channel = Channel(OutreachChannelKinds.Mastodon, $"http://127.0.0.1:{port}/", ("accessToken", "token"));

        var outcome = await Adapter.SendAsync(Message(channel, "Niemand da"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Retry, outcome.Kind);
        Assert.Contains("could not be reached", outcome.Error, StringComparison.Ordinal);
    }
}
