using System.Net;
using System.Text.Json.Nodes;
using Egov.IntegrationTests.Identity;
using static Egov.IntegrationTests.Outreach.OutreachApi;

namespace Egov.IntegrationTests.Outreach.Social;

/// <summary>The new kinds through the API: registered with their address rules, and an over-long text refused when it is submitted, before any approval.</summary>
[Collection(SocialCollection.Name)]
public sealed class SocialChannelApiTests(SocialFactory factory)
{
    [Theory]
    [InlineData("instagram", "accessToken", 2_201)]
    [InlineData("threads", "accessToken", 501)]
    [InlineData("linkedin", "accessToken", 3_001)]
    public async Task Submit_TextOverThePlatformsLimit_IsRefusedBeforeApproval_NamingTheLength(string kind, string credential, int length)
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        using var editor = await factory.CreateClientAsAsync("editor");
        await AcknowledgeAsync(editor);
        var input = Channel(kind, $"{kind} {Guid.NewGuid():N}", address: "1234567890");
        input["credentials"] = new JsonObject { [credential] = "token-0123456789" };
        var channel = (await CreateChannelAsync(admin, input)).GetProperty("id").GetGuid();
        var post = await CreatePostAsync(editor, Post("Zu lang", false, (channel, new string('a', length))));

        var (status, body) = await TransitionAsync(editor, post, "submit");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("\"code\":\"length\"", body.ToString(), StringComparison.Ordinal);
        Assert.Equal("Draft", (await GetPostAsync(editor, post)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Create_InstagramChannel_RefusesCrisisCapableAndANonNumericAccount_NamingTheFields()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        var input = Channel("instagram", $"Instagram {Guid.NewGuid():N}", address: "stadt_musterstadt", crisis: true);
        input["credentials"] = new JsonObject { ["accessToken"] = "token-0123456789" };

        var (status, body) = await SendAsync(admin, HttpMethod.Post, "/api/v1/outreach/channels", input);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = body.GetProperty("errors");
        Assert.True(errors.TryGetProperty("crisisCapable", out _), body.ToString());
        Assert.True(errors.TryGetProperty("address", out _), body.ToString());
    }
}
