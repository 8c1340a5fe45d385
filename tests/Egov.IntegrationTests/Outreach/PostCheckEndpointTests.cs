using System.Net;
using System.Text.Json;
using Egov.IntegrationTests.Identity;
using Egov.Testing.Fakes;
using static Egov.IntegrationTests.Outreach.OutreachApi;

namespace Egov.IntegrationTests.Outreach;

/// <summary>
/// The dry-run check an editor's screen calls: counts by each platform's own rules against limits
/// read from a fake Mastodon instance on 127.0.0.1 (the documentation's example, and the same with 1000).
/// </summary>
public sealed class PostCheckEndpointTests(OutreachFactory factory) : IClassFixture<OutreachFactory>
{
    private const string FamilyEmoji = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466";

    [Theory]
    [InlineData(500)]
    [InlineData(1000)]
    public async Task Check_MastodonText_CountsByTheInstancesRules_AgainstItsOwnLimit(int instanceLimit)
    {
        var channel = await MastodonChannelAsync(instanceLimit);
        var letters = instanceLimit - 1;

        var emoji = await CheckAsync((channel, new string('a', letters) + "\U0001F600"));
        var url = await CheckAsync((channel, new string('b', instanceLimit - 24) + " https://example.org"));
        var tooLong = await CheckAsync((channel, new string('c', instanceLimit) + "\U0001F600"));
        var mention = await CheckAsync((channel, "Danke @stadtwerke@social.musterstadt.example!"));

        Assert.Equal((instanceLimit, instanceLimit, true), (emoji.GetProperty("count").GetInt32(), emoji.GetProperty("limit").GetInt32(), emoji.GetProperty("passes").GetBoolean()));
        Assert.Equal(instanceLimit, url.GetProperty("count").GetInt32());
        Assert.Equal(instanceLimit + 1, tooLong.GetProperty("count").GetInt32());
        Assert.False(tooLong.GetProperty("passes").GetBoolean());
        Assert.Contains(tooLong.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "length");
        Assert.Equal("Danke @stadtwerke!".Length, mention.GetProperty("count").GetInt32());
        Assert.Equal("instance", emoji.GetProperty("limitsSource").GetString());
    }

    [Fact]
    public async Task Check_Bluesky_CountsAFamilyEmojiAsOneGraphemeOf25Bytes()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        var channel = (await CreateChannelAsync(admin, Channel("bluesky", $"Bluesky {Guid.NewGuid():N}", account: "stadt.bsky.social"))).GetProperty("id").GetGuid();

        var result = await CheckAsync((channel, FamilyEmoji));

        Assert.Equal(1, result.GetProperty("count").GetInt32());
        Assert.Equal(25, result.GetProperty("bytes").GetInt32());
        Assert.Equal(300, result.GetProperty("limit").GetInt32());
        Assert.Equal(3000, result.GetProperty("byteLimit").GetInt32());
    }

    [Fact]
    public async Task Check_AppendsLinkAndHashtags_AndCountsTheExactTextThatWillBeSent()
    {
        var channel = await MastodonChannelAsync(500);
        using var editor = await factory.CreateClientAsAsync("editor");
        var body = Post("x", false, (channel, "Neuer Radweg eröffnet."));
        body["variants"]![0]!["link"] = "https://www.musterstadt.example/radweg";
        body["variants"]![0]!["hashtags"] = new System.Text.Json.Nodes.JsonArray("Radverkehr", "#Musterstadt");

        var (status, report) = await SendAsync(editor, HttpMethod.Post, "/api/v1/outreach/posts/check", body);

        Assert.Equal(HttpStatusCode.OK, status);
        var result = report.GetProperty("channels")[0];
        Assert.Equal("Neuer Radweg eröffnet.\n\nhttps://www.musterstadt.example/radweg\n\n#Radverkehr #Musterstadt", result.GetProperty("exactText").GetString());
        Assert.Equal("Neuer Radweg eröffnet.".Length + 2 + 23 + 2 + "#Radverkehr #Musterstadt".Length, result.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Check_OnAChannelRequiringTheImprintLink_BlocksWithoutIt_AndBannedTermsAndDenyListBlock()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        var channel = (await CreateChannelAsync(admin, Channel("telegram", $"Telegram {Guid.NewGuid():N}", "@stadt_info", imprint: true))).GetProperty("id").GetGuid();

        var without = await CheckAsync((channel, "Das ist Schwachsinn, sagt Hausmeister Krause."));
        var with = await CheckAsync((channel, $"Alles Gute zum Fest! Impressum: {OutreachFactory.ImprintUrl}"));

        var codes = without.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.Contains("imprint-link-missing", codes);
        Assert.Contains("banned-term", codes);
        Assert.Contains("personal-data.deny-list", codes);
        Assert.True(with.GetProperty("passes").GetBoolean(), with.ToString());
    }

    [Fact]
    public async Task Check_WithoutAWorkingTitle_ChecksTheVariants()
    {
        var channel = await MastodonChannelAsync(500);
        using var editor = await factory.CreateClientAsAsync("editor");
        var body = Post("x", false, (channel, "Fragen an max.muster@example.org"));
        body.Remove("title");

        var (status, report) = await SendAsync(editor, HttpMethod.Post, "/api/v1/outreach/posts/check", body);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(report.GetProperty("channels")[0].GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "personal-data.email");
    }

    private async Task<JsonElement> CheckAsync((Guid ChannelId, string Text) variant)
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        var (status, report) = await SendAsync(editor, HttpMethod.Post, "/api/v1/outreach/posts/check", Post("check", false, variant));
        Assert.True(status == HttpStatusCode.OK, report.ToString());
        return report.GetProperty("channels")[0];
    }

    private async Task<Guid> MastodonChannelAsync(int instanceLimit)
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        factory.Mastodon.InstanceDocument = FakeMastodon.WithMaxCharacters(instanceLimit);
        try
        {
            var channel = await CreateChannelAsync(admin, Channel("mastodon", $"@m{Guid.NewGuid():N}"[..20], factory.Mastodon.BaseAddress.ToString(), "@stadt@social.example"));
            Assert.Equal(instanceLimit, channel.GetProperty("limits").GetProperty("maxLength").GetInt32());
            return channel.GetProperty("id").GetGuid();
        }
        finally
        {
            factory.Mastodon.InstanceDocument = FakeMastodon.InstanceExample;
        }
    }
}
