using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Egov.IntegrationTests.Identity;
using Egov.Testing;

namespace Egov.IntegrationTests.Forms;

/// <summary>Body limits of the application endpoints, on Kestrel (only a real server enforces them).</summary>
public sealed class ApplicationLimitsTests(ApplicationLimitsTests.Factory factory) : IClassFixture<ApplicationLimitsTests.Factory>
{
    [Fact]
    public async Task SaveDraft_WithFiveMegabytesOfJson_Returns413Problem()
    {
        using var erika = factory.CreateClient();
        erika.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Tokens.PasswordGrantAsync(erika, "erika"));
        var created = await erika.PostAsJsonAsync("/api/v1/applications", new { form = "hundesteuer-anmeldung" }, TestContext.Current.CancellationToken);
        var draft = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        var huge = "{\"data\":{\"note\":\"" + new string('x', 5 * 1024 * 1024) + "\"}}";

        // Expect: 100-continue, as large uploads should: Kestrel refuses before the body is sent,
        // instead of closing the connection under a client that is still writing.
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{draft}")
        {
            Content = new StringContent(huge, Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;
        var response = await erika.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var stored = await erika.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{draft}", TestContext.Current.CancellationToken);
        Assert.False(stored.GetProperty("data").TryGetProperty("note", out _), "nothing of the refused body was stored");
    }

    public sealed class Factory : EgovApplicationFactory
    {
        public Factory() => UseKestrel(0);
    }
}
