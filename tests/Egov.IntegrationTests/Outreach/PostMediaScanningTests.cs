using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Egov.IntegrationTests.Forms.Scanning;
using Egov.IntegrationTests.Identity;
using Egov.Testing;
using static Egov.IntegrationTests.Outreach.OutreachApi;

namespace Egov.IntegrationTests.Outreach;

/// <summary>Post images are scanned by the same real clamd as applicants' files before they are stored (Egov:Scanning).</summary>
public sealed class PostMediaScanningTests(ScanningFactory factory) : IClassFixture<ScanningFactory>
{
    /// <summary>A PNG (by its first bytes, so it passes the type check) carrying the EICAR test string.</summary>
    private static readonly byte[] InfectedPng = [.. TinyPng, .. ClamdServer.Eicar, (byte)'\n'];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UploadImage_CarryingEicar_Is422NamingFileAndSignature_AndStoresNothing()
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        var post = await DraftAsync(editor);

        using var response = await UploadAsync(editor, post, "plakat.png", InfectedPng);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("plakat.png", problem.GetProperty("file").GetString());
        Assert.StartsWith(ClamdServer.EicarSignature, problem.GetProperty("signature").GetString(), StringComparison.Ordinal);
        Assert.Empty(await MediaAddedAsync(editor, post));
    }

    [Fact]
    public async Task UploadImage_Clean_IsStored()
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        var post = await DraftAsync(editor);

        var media = await UploadImageAsync(editor, post, "rathaus.png", TinyPng);

        Assert.Equal("rathaus.png", media.GetProperty("fileName").GetString());
        Assert.Single(await MediaAddedAsync(editor, post));
    }

    [Fact]
    public async Task UploadImage_WhileScannerDown_Is503_AndStoresNothing_EvenUnderHold()
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        var post = await DraftAsync(editor);
        await factory.Clamd.StopAsync();
        try
        {
            using var response = await UploadAsync(editor, post, "rathaus.png", TinyPng);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Empty(await MediaAddedAsync(editor, post));
        }
        finally
        {
            await factory.Clamd.StartAgainAsync();
        }

        await UploadImageAsync(editor, post, "rathaus.png", TinyPng);
    }

    private async Task<JsonElement> DraftAsync(HttpClient editor)
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        var channel = (await CreateChannelAsync(admin, Channel("bluesky", $"bsky-{Guid.NewGuid():N}"[..20], "https://bsky.social", "stadt.bsky.social"))).GetProperty("id").GetGuid();
        await AcknowledgeAsync(editor);
        return await CreatePostAsync(editor, Post("Plakat", false, (channel, "Das neue Plakat zum Stadtfest.")));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient editor, JsonElement post, string fileName, byte[] content)
    {
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        return await editor.PostAsync($"/api/v1/outreach/posts/{post.GetProperty("id").GetGuid()}/media", upload, Ct);
    }

    private static async Task<List<JsonElement>> MediaAddedAsync(HttpClient editor, JsonElement post)
    {
        var history = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/outreach/posts/{post.GetProperty("id")}/history", Ct);
        return [.. history.EnumerateArray().Where(h => h.GetProperty("action").GetString() == "media-added")];
    }
}
