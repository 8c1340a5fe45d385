using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Features.Channels.Kinds;
using Egov.Modules.Outreach.Features.Channels.Kinds.LinkedIn;
using Egov.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using static Egov.IntegrationTests.Outreach.Adapters.TestDeliveries;

namespace Egov.IntegrationTests.Outreach.Social;

/// <summary>The LinkedIn adapter against a fake Posts API: the request shape, escaping, once across 5xx and timeouts, errors in words.</summary>
[Collection(SocialCollection.Name)]
public sealed class LinkedInAdapterTests(SocialFactory factory)
{
    private LinkedInAdapter Adapter => factory.Services.GetRequiredService<LinkedInAdapter>();

    private static (ChannelEndpoint Channel, string Author) NewChannel(string token = "li-token")
    {
        var organisation = Random.Shared.Next(1_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (Channel(OutreachChannelKinds.LinkedIn, organisation, ("accessToken", token)), "urn:li:organization:" + organisation);
    }

    [Fact]
    public async Task SendAsync_PostsAsTheOrganisation_WithReservedCharactersEscapedAndTheLinkAsArticle()
    {
        var (channel, author) = NewChannel();
        const string text = "Sitzung (öffentlich) am 12.12. #Stadtrat\n\nhttps://www.musterstadt.example/rat_sitzung";

        var outcome = await Adapter.SendAsync(Message(channel, text, link: "https://www.musterstadt.example/rat_sitzung"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        var post = Assert.Single(factory.LinkedIn.PostsOf(author));
        Assert.Equal("Sitzung \\(öffentlich\\) am 12.12. #Stadtrat\n\nhttps://www.musterstadt.example/rat_sitzung", post.Commentary);
        Assert.Equal("https://www.musterstadt.example/rat_sitzung", post.ArticleSource);
        Assert.Equal((post.Urn, $"https://www.linkedin.com/feed/update/{post.Urn}/"), (outcome.PlatformId, outcome.Url));
        Assert.Equal("202511", factory.LinkedIn.RequestsTo("/rest/posts")[^1].Header("LinkedIn-Version"));
    }

    [Fact]
    public async Task SendAsync_When500AfterStoring_FindsThePostAndIsSentOnce()
    {
        var (channel, author) = NewChannel();
        factory.LinkedIn.StoreThenAnswerOnce(500);

        var outcome = await Adapter.SendAsync(Message(channel, "Haushalt 2027 beschlossen"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        Assert.Equal(Assert.Single(factory.LinkedIn.PostsOf(author)).Urn, outcome.PlatformId);
    }

    [Fact]
    public async Task SendAsync_WhenTheAnswerTimesOut_AndOnARepeatedAttempt_PostsOnce()
    {
        var (channel, author) = NewChannel();
        factory.LinkedIn.StoreThenDelayOnce(SocialFactory.AttemptTimeout + TimeSpan.FromSeconds(3));
        var message = Message(channel, "Neue Stellenangebote der Stadt");

        var first = await Adapter.SendAsync(message, Ct);
        var repeated = await Adapter.SendAsync(message with { Attempt = 2 }, Ct);

        Assert.Equal(DeliveryOutcomeKind.Sent, first.Kind);
        Assert.Equal((DeliveryOutcomeKind.Sent, first.PlatformId), (repeated.Kind, repeated.PlatformId));
        Assert.Single(factory.LinkedIn.PostsOf(author));
    }

    [Fact]
    public async Task SendAsync_WhenTheTokenWasRevoked_FailsInWords()
    {
        var (channel, author) = NewChannel(FakeLinkedIn.ExpiredToken);

        var outcome = await Adapter.SendAsync(Message(channel, "Hallo"), Ct);

        Assert.Equal((DeliveryOutcomeKind.Failed, 401), (outcome.Kind, outcome.HttpStatus));
        Assert.Contains("has been revoked by the user", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("REVOKED_ACCESS_TOKEN", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("60 days", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(factory.LinkedIn.PostsOf(author));
    }
}
