using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.IntegrationTests.Identity;
using static Egov.IntegrationTests.Outreach.OutreachApi;

namespace Egov.IntegrationTests.Outreach.Kinds;

/// <summary>
/// A channel kind is one descriptor and one adapter (ADR 0021): a kind defined in this test project and registered
/// through DI only is accepted by the channel API with its own credentials and limits, its posts are checked against
/// its limits, and the delivery engine sends them through its adapter to its server on 127.0.0.1.
/// </summary>
public sealed class NewChannelKindTests(NoticeBoardFactory factory) : IClassFixture<NoticeBoardFactory>
{
    private const string ApiKey = "notice-board-key-0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KindRegisteredThroughDiOnly_IsCreatedCheckedAndDelivered()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        var channel = await CreateChannelAsync(admin, Board($"Anschlagtafel {Guid.NewGuid():N}"));
        Assert.Equal(NoticeBoardChannel.KindName, channel.GetProperty("kind").GetString());
        Assert.True(channel.GetProperty("hasCredentials").GetBoolean());
        var limits = channel.GetProperty("limits");
        Assert.Equal((280, "platform"), (limits.GetProperty("maxLength").GetInt32(), limits.GetProperty("source").GetString()));

        using var editor = await factory.CreateClientAsAsync("editor");
        using var approver = await factory.CreateClientAsAsync("approver");
        await AcknowledgeAsync(editor);
        await AcknowledgeAsync(approver);
        var channelId = channel.GetProperty("id").GetGuid();
        var text = $"Die Anschlagtafel am Rathaus zeigt ab heute auch die Sitzungstermine. {Guid.NewGuid():N}";
        var post = await CreatePostAsync(editor, Post("Anschlagtafel", false, (channelId, text)));
        var submitted = await TransitionAsync(editor, post, "submit");
        Assert.True(submitted.Status == HttpStatusCode.OK, submitted.Body.ToString());
        var approved = await TransitionAsync(approver, submitted.Body, "approve");
        Assert.True(approved.Status == HttpStatusCode.OK, approved.Body.ToString());
        var scheduled = await TransitionAsync(editor, approved.Body, "schedule", new { });
        Assert.True(scheduled.Status == HttpStatusCode.OK, scheduled.Body.ToString());

        var delivery = await WaitForDeliveryAsync(editor, post.GetProperty("id").GetGuid(), "Sent");
        var notice = Assert.Single(factory.Board.RequestsTo("/notices"), request =>
            JsonSerializer.Deserialize<JsonElement>(request.Body).GetProperty("text").GetString() == text);
        Assert.Equal("Bearer " + ApiKey, notice.Header("Authorization"));
        Assert.StartsWith("notice-", delivery.GetProperty("platformId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KindRegisteredThroughDiOnly_ItsLimitsBlockATooLongText()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        var channel = await CreateChannelAsync(admin, Board($"Anschlagtafel lang {Guid.NewGuid():N}"));
        using var editor = await factory.CreateClientAsAsync("editor");
        await AcknowledgeAsync(editor);

        var post = await CreatePostAsync(editor, Post("Zu lang", false, (channel.GetProperty("id").GetGuid(), new string('a', 281))));
        var submitted = await TransitionAsync(editor, post, "submit");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, submitted.Status);
        Assert.Contains("281", submitted.Body.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("address")]
    [InlineData("credentials.apiKey")]
    public async Task KindRegisteredThroughDiOnly_ItsOwnRulesNameTheField(string field)
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        var channel = Board($"Anschlagtafel falsch {Guid.NewGuid():N}");
        if (field == "address")
        {
            channel["address"] = "not a url";
        }
        else
        {
            channel["credentials"] = new JsonObject { ["token"] = ApiKey };
        }

        using var response = await admin.PostAsJsonAsync("/api/v1/outreach/channels", channel, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private JsonObject Board(string name)
    {
        var channel = Channel(NoticeBoardChannel.KindName, name, factory.Board.BaseAddress.ToString());
        channel["credentials"] = new JsonObject { ["apiKey"] = ApiKey };
        return channel;
    }

    private static async Task<JsonElement> WaitForDeliveryAsync(HttpClient editor, Guid postId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var page = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/outreach/deliveries?postId={postId}", Ct);
            var delivery = page.GetProperty("items").EnumerateArray().SingleOrDefault();
            if (delivery.ValueKind == JsonValueKind.Object && delivery.GetProperty("status").GetString() == status)
            {
                return delivery;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No {status} delivery after 30 s: {page}");
            await Task.Delay(100, Ct);
        }
    }
}
