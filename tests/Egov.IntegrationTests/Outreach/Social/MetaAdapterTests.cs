using Egov.IntegrationTests.Outreach.Adapters;
using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Features.Channels.Kinds;
using Egov.Modules.Outreach.Features.Channels.Kinds.Facebook;
using Egov.Modules.Outreach.Features.Channels.Kinds.Instagram;
using Egov.Modules.Outreach.Features.Channels.Kinds.Threads;
using Egov.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using static Egov.IntegrationTests.Outreach.Adapters.TestDeliveries;

namespace Egov.IntegrationTests.Outreach.Social;

/// <summary>
/// The Facebook Page, Instagram and Threads adapters against a fake Graph/Threads API: each publishes once across a 5xx
/// after storing, a timeout and a repeated attempt, and reports the platform's errors in words.
/// </summary>
[Collection(SocialCollection.Name)]
public sealed class MetaAdapterTests(SocialFactory factory)
{
    private T Adapter<T>()
        where T : notnull => factory.Services.GetRequiredService<T>();

    private static (ChannelEndpoint Channel, string Owner) NewChannel(string kind, string token = "EAA-page-token")
    {
        var owner = Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (Channel(kind, owner, (kind == OutreachChannelKinds.Facebook ? "pageAccessToken" : "accessToken", token)), owner);
    }

    private static OutboundMedia Jpeg(string alt) => new("rathaus.jpg", "image/jpeg", Png, alt, Guid.CreateVersion7());

    [Fact]
    public async Task Facebook_LinkPost_GoesToTheFeedWithMessageAndLink()
    {
        var (channel, page) = NewChannel(OutreachChannelKinds.Facebook);

        var outcome = await Adapter<FacebookAdapter>().SendAsync(Message(channel, "Neuer Radweg eröffnet.\n\nhttps://www.musterstadt.example/radweg", link: "https://www.musterstadt.example/radweg"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        var post = Assert.Single(factory.Meta.PostsOf(page));
        Assert.Equal(("https://www.musterstadt.example/radweg", post.Id), (post.Link, outcome.PlatformId));
        Assert.StartsWith(page + "_", post.Id, StringComparison.Ordinal);
        Assert.Equal("Bearer EAA-page-token", factory.Meta.RequestsTo("/feed")[^1].Header("Authorization"));
        Assert.DoesNotContain("EAA-page-token", factory.Meta.RequestsTo("/feed")[^1].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facebook_PhotoPost_UploadsTheFileAsSourceWithTheMessage()
    {
        var (channel, page) = NewChannel(OutreachChannelKinds.Facebook);

        var outcome = await Adapter<FacebookAdapter>().SendAsync(Message(channel, "Das Rathaus im Schnee", media: [Image("Rathaus", "rathaus.png")]), Ct);

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        var post = Assert.Single(factory.Meta.PostsOf(page));
        Assert.Equal("rathaus.png", Assert.Single(post.Images));
        Assert.Equal("Das Rathaus im Schnee", post.Text);
        Assert.Equal(post.Id, outcome.PlatformId);
    }

    [Fact]
    public async Task Facebook_When500AfterStoring_FindsThePostAndIsSentOnce()
    {
        var (channel, page) = NewChannel(OutreachChannelKinds.Facebook);
        factory.Meta.StoreThenAnswerOnce(500);

        var outcome = await Adapter<FacebookAdapter>().SendAsync(Message(channel, "Sperrung der Brücke ab Montag"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        var post = Assert.Single(factory.Meta.PostsOf(page));
        Assert.Equal(post.Id, outcome.PlatformId);
    }

    [Fact]
    public async Task Facebook_WhenTheAnswerTimesOut_FindsThePostAndIsSentOnce()
    {
        var (channel, page) = NewChannel(OutreachChannelKinds.Facebook);
        factory.Meta.StoreThenDelayOnce(SocialFactory.AttemptTimeout + TimeSpan.FromSeconds(3));

        var outcome = await Adapter<FacebookAdapter>().SendAsync(Message(channel, "Wahllokale geöffnet"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        Assert.Single(factory.Meta.PostsOf(page));
    }

    [Fact]
    public async Task Facebook_ARepeatedAttempt_FindsThePostOfTheFirstInsteadOfPostingAgain()
    {
        var (channel, page) = NewChannel(OutreachChannelKinds.Facebook);
        var first = Message(channel, "Müllabfuhr verschiebt sich um einen Tag");
        var sent = await Adapter<FacebookAdapter>().SendAsync(first, Ct);

        var repeated = await Adapter<FacebookAdapter>().SendAsync(first with { Attempt = 2 }, Ct);

        Assert.Equal((DeliveryOutcomeKind.Sent, sent.PlatformId), (repeated.Kind, repeated.PlatformId));
        Assert.Single(factory.Meta.PostsOf(page));
    }

    [Fact]
    public async Task Facebook_WhenTheTokenExpired_FailsWithTheGraphErrorInWords()
    {
        var (channel, page) = NewChannel(OutreachChannelKinds.Facebook, FakeMeta.ExpiredToken);

        var outcome = await Adapter<FacebookAdapter>().SendAsync(Message(channel, "Hallo"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Failed, outcome.Kind);
        Assert.Contains("Session has expired", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("code 190", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("access token is invalid or has expired", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(factory.Meta.PostsOf(page));
    }

    [Fact]
    public async Task Facebook_WhenRateLimitedWithCode32_IsRetryNotFailed()
    {
        var (channel, _) = NewChannel(OutreachChannelKinds.Facebook);
        factory.Meta.RefuseOnce(400, 32, "(#32) Page request limit reached");

        var outcome = await Adapter<FacebookAdapter>().SendAsync(Message(channel, "Später"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Retry, outcome.Kind);
        Assert.Contains("Page request limit reached", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Instagram_Carousel_CreatesAContainerPerImageThenACarouselAndPublishesOnce()
    {
        var (channel, user) = NewChannel(OutreachChannelKinds.Instagram);
        string? checkpoint = null;
        var message = Message(channel, "Stadtfest 2026 #musterstadt", media: [Jpeg("Bühne"), Jpeg("Riesenrad")]) with
        {
            SaveCheckpoint = (value, _) => Task.FromResult(checkpoint = value),
        };

        var outcome = await Adapter<InstagramAdapter>().SendAsync(message, Ct);

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        var media = Assert.Single(factory.Meta.PostsOf(user));
        Assert.Equal((2, "Stadtfest 2026 #musterstadt"), (media.Images.Count, media.Text));
        Assert.All(media.Images, url => Assert.StartsWith(SocialFactory.PublicSite + "/api/v1/outreach/public-media/", url, StringComparison.Ordinal));
        Assert.Equal(3, factory.Meta.Containers.Count(c => c.Owner == user));
        Assert.Equal(media.Id, outcome.PlatformId);
        Assert.Equal(media.Permalink, outcome.Url);
        var carousel = factory.Meta.Containers.Single(c => c.Owner == user && c.Images.Count == 2);
        Assert.Equal("container:" + carousel.Id, checkpoint);
    }

    [Fact]
    public async Task Instagram_WhenPublish500sAfterPublishing_ReadsTheContainerAndIsSentOnce()
    {
        var (channel, user) = NewChannel(OutreachChannelKinds.Instagram);
        factory.Meta.StoreThenAnswerOnce(500);

        var outcome = await Adapter<InstagramAdapter>().SendAsync(Message(channel, "Freibad öffnet", media: [Jpeg("Becken")]), Ct);

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        Assert.Equal(Assert.Single(factory.Meta.PostsOf(user)).Id, outcome.PlatformId);
        Assert.Single(factory.Meta.RequestsTo("/media_publish"), r => r.Path.Contains(user, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Instagram_ANextAttemptWithTheRecordedContainer_DoesNotPublishAgain()
    {
        var (channel, user) = NewChannel(OutreachChannelKinds.Instagram);
        string? checkpoint = null;
        var first = Message(channel, "Bürgerbüro geschlossen", media: [Jpeg("Tür")]) with { SaveCheckpoint = (value, _) => Task.FromResult(checkpoint = value) };
        factory.Meta.StoreThenDelayOnce(SocialFactory.AttemptTimeout + TimeSpan.FromSeconds(3));
        await Adapter<InstagramAdapter>().SendAsync(first, Ct);

        var next = await Adapter<InstagramAdapter>().SendAsync(first with { Attempt = 2, Checkpoint = checkpoint }, Ct);

        Assert.Equal(DeliveryOutcomeKind.Sent, next.Kind);
        Assert.Equal(Assert.Single(factory.Meta.PostsOf(user)).Id, next.PlatformId);
        Assert.Single(factory.Meta.Containers, c => c.Owner == user);
    }

    [Fact]
    public async Task Instagram_ARecordedButUnpublishedContainer_IsPublishedByTheNextAttemptWithoutANewContainer()
    {
        var (channel, user) = NewChannel(OutreachChannelKinds.Instagram);
        string? checkpoint = null;
        var first = Message(channel, "Baustelle Ringstraße", media: [Jpeg("Bagger")]) with { SaveCheckpoint = (value, _) => Task.FromResult(checkpoint = value) };
        factory.Meta.RefuseOnce(503, 2, "Service temporarily unavailable");
        var retry = await Adapter<InstagramAdapter>().SendAsync(first, Ct);

        var next = await Adapter<InstagramAdapter>().SendAsync(first with { Attempt = 2, Checkpoint = checkpoint }, Ct);

        Assert.Equal(DeliveryOutcomeKind.Retry, retry.Kind);
        Assert.Contains("Service temporarily unavailable", retry.Error, StringComparison.Ordinal);
        Assert.Equal(DeliveryOutcomeKind.Sent, next.Kind);
        Assert.Single(factory.Meta.PostsOf(user));
        Assert.Single(factory.Meta.Containers, c => c.Owner == user);
    }

    [Fact]
    public async Task Threads_TextWithLink_GoesAsTextContainerWithLinkAttachment_AndAGraphRefusalIsFailedInWords()
    {
        var (channel, user) = NewChannel(OutreachChannelKinds.Threads, "TH-token");

        var outcome = await Adapter<ThreadsAdapter>().SendAsync(Message(channel, "Neue Öffnungszeiten\n\nhttps://www.musterstadt.example/zeiten", link: "https://www.musterstadt.example/zeiten"), Ct);
        factory.Meta.RefuseOnce(400, 100, "(#100) The user is not allowed to publish to this profile");
        var refused = await Adapter<ThreadsAdapter>().SendAsync(Message(channel, "Noch einer"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        var post = Assert.Single(factory.Meta.PostsOf(user));
        Assert.Equal(("threads", "https://www.musterstadt.example/zeiten"), (post.Platform, post.Link));
        Assert.Equal(DeliveryOutcomeKind.Failed, refused.Kind);
        Assert.Contains("not allowed to publish to this profile", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Threads_When500AfterPublishing_IsSentOnce()
    {
        var (channel, user) = NewChannel(OutreachChannelKinds.Threads, "TH-token");
        factory.Meta.StoreThenAnswerOnce(500);

        var outcome = await Adapter<ThreadsAdapter>().SendAsync(Message(channel, "Stromausfall behoben 👍"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        Assert.Single(factory.Meta.PostsOf(user));
    }

    [Fact]
    public async Task Facebook_ReadsCommentsUnderItsPosts_AndAnswersOneAsACommentOnTheComment()
    {
        var (channel, page) = NewChannel(OutreachChannelKinds.Facebook);
        var post = await Adapter<FacebookAdapter>().SendAsync(Message(channel, "Neue Bänke im Park"), Ct);
        var comment = factory.Meta.AddComment(post.PlatformId!, "Anna Beispiel", "Wann kommen die Mülleimer?");

        var inbox = await Adapter<FacebookAdapter>().ReadInboxAsync(channel, null, [post.PlatformId!], Ct);
        var answer = await Adapter<FacebookAdapter>().SendAsync(Message(channel, "Nächste Woche.", replyTo: comment), Ct);

        var item = Assert.Single(inbox.Items);
        Assert.Equal((comment, comment, "comment", post.PlatformId, "Anna Beispiel", "Wann kommen die Mülleimer?"), (item.PlatformItemId, item.ReplyTarget, item.Kind, item.InReplyTo, item.AuthorName, item.Text));
        Assert.Equal(DeliveryOutcomeKind.Sent, answer.Kind);
        Assert.Single(factory.Meta.Posts, p => p.Owner == comment && p.Text == "Nächste Woche.");
        Assert.Single(factory.Meta.PostsOf(page));
    }
}
