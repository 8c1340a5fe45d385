using System.Text;
using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Features.Channels.Kinds;
using Egov.Modules.Outreach.Features.Channels.Kinds.Bluesky;
using Egov.Modules.Outreach.Features.Channels.Kinds.Mastodon;
using Egov.Modules.Outreach.Features.Channels.Kinds.Telegram;
using Egov.Modules.Outreach.Features.Channels.Kinds.Webhook;
using Egov.Testing.Fakes;
using static Egov.IntegrationTests.Outreach.Adapters.TestDeliveries;

namespace Egov.IntegrationTests.Outreach.Adapters;

/// <summary>The Bluesky adapter against a fake PDS: facets in UTF-8 bytes, one record per delivery, images with alt text, sessions.</summary>
[Collection(AdapterCollection.Name)]
public sealed class BlueskyAdapterTests(AdapterFactory factory)
{
    private BlueskyAdapter Adapter => Adapter<BlueskyAdapter>(factory);

    private (ChannelEndpoint Channel, string Did) NewChannel()
    {
        var identifier = "stadt-" + Guid.NewGuid().ToString("N")[..8] + ".bsky.social";
        var channel = Channel(OutreachChannelKinds.Bluesky, factory.Bluesky.BaseAddress.ToString(), ("identifier", identifier), ("appPassword", "abcd-efgh-ijkl-mnop"));
        return (channel, FakeBluesky.DidOf(identifier));
    }

    private List<FakeBlueskyRecord> RecordsOf(string did) => [.. factory.Bluesky.Records.Where(record => record.Did == did)];

    private List<RecordedRequest> CreateRecordRequests(string did) =>
        [.. factory.Bluesky.RequestsTo("/xrpc/com.atproto.repo.createRecord").Where(r => r.Json().GetProperty("repo").GetString() == did)];

    [Fact]
    public async Task SendAsync_LinkFacetByteOffsets_CoverTheUrl_AfterUmlautsAndEmoji()
    {
        var (channel, did) = NewChannel();
        const string url = "https://www.musterstadt.example/hochwasser?pegel=über";
        var text = $"Hochwasser: Pegel über 5 m 🌊 👨‍👩‍👧‍👦 Ölsperre an der Mühle – Infos: {url}. Bitte meiden Sie das Ufer.";

        var outcome = await Adapter.SendAsync(Message(channel, text, language: "de"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        var record = Assert.Single(RecordsOf(did)).Value;
        Assert.Equal(text, record.GetProperty("text").GetString());
        Assert.Equal(["de"], record.GetProperty("langs").EnumerateArray().Select(l => l.GetString()));
        Assert.True(DateTimeOffset.TryParse(record.GetProperty("createdAt").GetString(), out _));
        var facet = Assert.Single(record.GetProperty("facets").EnumerateArray());
        var index = facet.GetProperty("index");
        var (start, end) = (index.GetProperty("byteStart").GetInt32(), index.GetProperty("byteEnd").GetInt32());
        Assert.Equal(url, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)[start..end]));
        Assert.NotEqual(text.IndexOf(url, StringComparison.Ordinal), start);
        var feature = Assert.Single(facet.GetProperty("features").EnumerateArray());
        Assert.Equal(("app.bsky.richtext.facet#link", url), (feature.GetProperty("$type").GetString(), feature.GetProperty("uri").GetString()));
    }

    [Fact]
    public async Task SendAsync_RepeatedForADeliveryWhosePostExists_FindsItByItsRecordKey_AndCreatesNoSecond()
    {
        var (channel, did) = NewChannel();
        var message = Message(channel, "Die Stadtbibliothek öffnet wieder.");
        var first = await Adapter.SendAsync(message, Ct);

        var repeat = await Adapter.SendAsync(message with { Attempt = 2 }, Ct);

        Assert.Equal(DeliveryOutcomeKind.Sent, repeat.Kind);
        Assert.Equal(first.PlatformId, repeat.PlatformId);
        var record = Assert.Single(RecordsOf(did));
        Assert.Equal($"{record.Uri}|{record.Cid}", repeat.PlatformId);
        Assert.Matches("^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$", record.Rkey);
        Assert.Single(CreateRecordRequests(did));
        var lookup = Assert.Single(factory.Bluesky.RequestsTo("/xrpc/com.atproto.repo.getRecord"), r => r.Query.Contains(record.Rkey, StringComparison.Ordinal));
        Assert.Contains("collection=app.bsky.feed.post", lookup.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_WhenTheAnswerToCreateRecordIsLost_LooksItUpInsteadOfCreatingAgain()
    {
        var (channel, did) = NewChannel();
        factory.Bluesky.StoreThenAnswerOnce(502);

        var outcome = await Adapter.SendAsync(Message(channel, "Antwort verloren"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        var record = Assert.Single(RecordsOf(did));
        Assert.StartsWith(record.Uri + "|", outcome.PlatformId, StringComparison.Ordinal);
        Assert.Single(CreateRecordRequests(did));
    }

    [Fact]
    public async Task SendAsync_WithAnImage_UploadsTheBlob_AndEmbedsItWithItsAltText()
    {
        var (channel, did) = NewChannel();

        var outcome = await Adapter.SendAsync(Message(channel, "Neue Radwegkarte", media: [Image("Karte der Radwege am Fluss")]), Ct);

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        var embed = Assert.Single(RecordsOf(did)).Value.GetProperty("embed");
        Assert.Equal("app.bsky.embed.images", embed.GetProperty("$type").GetString());
        var image = Assert.Single(embed.GetProperty("images").EnumerateArray());
        Assert.Equal("Karte der Radwege am Fluss", image.GetProperty("alt").GetString());
        var blob = image.GetProperty("image");
        var uploaded = Assert.Single(factory.Bluesky.Blobs, b => b.Cid == blob.GetProperty("ref").GetProperty("$link").GetString());
        Assert.Equal(("image/png", Png.Length), (uploaded.MimeType, uploaded.Size));
    }

    [Fact]
    public async Task SendAsync_ReusesTheSession_AndRefreshesItWhenTheTokenExpired()
    {
        var (channel, did) = NewChannel();
        var created = factory.Bluesky.SessionsCreated;
        var refreshed = factory.Bluesky.SessionsRefreshed;

        await Adapter.SendAsync(Message(channel, "Erster Beitrag"), Ct);
        await Adapter.SendAsync(Message(channel, "Zweiter Beitrag"), Ct);
        factory.Bluesky.ExpireAccessTokens();
        var third = await Adapter.SendAsync(Message(channel, "Dritter Beitrag"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Sent, third.Kind);
        Assert.Equal(created + 1, factory.Bluesky.SessionsCreated);
        Assert.Equal(refreshed + 1, factory.Bluesky.SessionsRefreshed);
        Assert.Equal(3, RecordsOf(did).Count);
    }

    [Fact]
    public async Task SendAsync_AReply_NamesTheThreadsRootAndParent()
    {
        var (channel, did) = NewChannel();
        var alert = await Adapter.SendAsync(Message(channel, "Warnung: Hochwasser"), Ct);
        var update = await Adapter.SendAsync(Message(channel, "Update: Pegel sinkt", replyTo: alert.PlatformId), Ct);

        await Adapter.SendAsync(Message(channel, "Entwarnung", replyTo: update.PlatformId), Ct);

        var records = RecordsOf(did);
        Assert.Equal(3, records.Count);
        var reply = records[2].Value.GetProperty("reply");
        Assert.Equal((records[0].Uri, records[0].Cid), (reply.GetProperty("root").GetProperty("uri").GetString(), reply.GetProperty("root").GetProperty("cid").GetString()));
        Assert.Equal((records[1].Uri, records[1].Cid), (reply.GetProperty("parent").GetProperty("uri").GetString(), reply.GetProperty("parent").GetProperty("cid").GetString()));
    }

    [Fact]
    public async Task GetEngagementAsync_ReadsLikesRepostsAndReplies()
    {
        var (channel, _) = NewChannel();
        var sent = await Adapter.SendAsync(Message(channel, "Umfrage zum Stadtpark"), Ct);
        factory.Bluesky.SetEngagement(sent.PlatformId!.Split('|')[0], likes: 7, reposts: 2, replies: 1);

        var engagement = await Adapter.GetEngagementAsync(channel, sent.PlatformId, Ct);

        Assert.Equal((7, 2, 1), (engagement!.Favourites, engagement.Boosts, engagement.Replies));
    }
}
