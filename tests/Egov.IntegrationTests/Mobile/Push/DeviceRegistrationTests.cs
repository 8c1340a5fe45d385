using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Egov.IntegrationTests.Identity;
using Egov.Modules.Mobile.Persistence;
using Egov.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests.Mobile.Push;

/// <summary>The device API: registration, updates by endpoint, the device secret, topics, bad input.</summary>
public sealed class DeviceRegistrationTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    private static readonly Uri PushOrigin = new("http://127.0.0.1:9/");

    [Fact]
    public async Task Register_NewEndpoint_Is201WithSecret_SameEndpointAgain_Is200AndUpdatesTheSameDevice()
    {
        using var client = factory.CreateClient();
        using var browser = new BrowserSubscription(new Uri(PushOrigin, $"push/{Guid.NewGuid():N}"));

        using var first = await Devices.PostAsync(client, browser.Registration("alerts:severe"));
        using var again = await Devices.PostAsync(client, browser.Registration("category:traffic"), language: "en");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var created = await Devices.JsonAsync(first);
        var updated = await Devices.JsonAsync(again);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/devices/{id}", first.Headers.Location?.ToString());
        Assert.Equal(id, updated.GetProperty("id").GetGuid());
        Assert.False(string.IsNullOrEmpty(created.GetProperty("secret").GetString()));
        Assert.Equal("webpush", updated.GetProperty("platform").GetString());
        Assert.Equal("en", updated.GetProperty("language").GetString());
        Assert.False(updated.GetProperty("linked").GetBoolean());
        Assert.Equal(["category:traffic"], updated.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(1, await CountAsync(browser.Endpoint));
        using var read = await Devices.SendAsync(client, HttpMethod.Get, $"/api/v1/devices/{id}", updated.GetProperty("secret").GetString());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Register_SameEndpointConcurrently_KeepsOneRegistration()
    {
        using var browser = new BrowserSubscription(new Uri(PushOrigin, $"push/{Guid.NewGuid():N}"));
        var clients = Enumerable.Range(0, 8).Select(_ => factory.CreateClient()).ToList();

        var responses = await Task.WhenAll(clients.Select(c => Devices.PostAsync(c, browser.Registration("alerts:minor"))));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        var ids = await Task.WhenAll(responses.Select(async r => (await Devices.JsonAsync(r)).GetProperty("id").GetGuid()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await CountAsync(browser.Endpoint));
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task Register_RepeatedWithItsIdempotencyKey_AnswersCreatedAgain_KeyOfAnotherEndpoint_Is409()
    {
        using var client = factory.CreateClient();
        using var browser = new BrowserSubscription(new Uri(PushOrigin, $"push/{Guid.NewGuid():N}"));
        using var other = new BrowserSubscription(new Uri(PushOrigin, $"push/{Guid.NewGuid():N}"));
        var key = Guid.NewGuid().ToString();

        using var first = await Devices.PostAsync(client, browser.Registration(), key);
        using var retry = await Devices.PostAsync(client, browser.Registration(), key);
        using var misuse = await Devices.PostAsync(client, other.Registration(), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal((await Devices.JsonAsync(first)).GetProperty("id").GetGuid(), (await Devices.JsonAsync(retry)).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, misuse.StatusCode);
        Assert.Equal(0, await CountAsync(other.Endpoint));
    }

    public static TheoryData<string, string> BadRegistrations => new()
    {
        { """{"platform":"sms","endpoint":"+49 170 1234567"}""", "platform" },
        { """{"platform":"webpush","endpoint":"not a url","keys":{"p256dh":"{p256dh}","auth":"{auth}"}}""", "endpoint" },
        { """{"platform":"webpush","endpoint":"ftp://push.example/1","keys":{"p256dh":"{p256dh}","auth":"{auth}"}}""", "endpoint" },
        { """{"platform":"webpush","endpoint":"{endpoint}","keys":{"p256dh":"not*base64url","auth":"{auth}"}}""", "keys.p256dh" },
        { """{"platform":"webpush","endpoint":"{endpoint}","keys":{"p256dh":"BAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","auth":"{auth}"}}""", "keys.p256dh" },
        { """{"platform":"webpush","endpoint":"{endpoint}","keys":{"p256dh":"{p256dh}","auth":"c2hvcnQ"}}""", "keys.auth" },
        { """{"platform":"webpush","endpoint":"{endpoint}","keys":{"p256dh":"{p256dh}"}}""", "keys.auth" },
        { """{"platform":"webpush","endpoint":"{endpoint}","keys":{"p256dh":"{p256dh}","auth":"{auth}"},"language":"fr"}""", "language" },
        { """{"platform":"webpush","endpoint":"{endpoint}","keys":{"p256dh":"{p256dh}","auth":"{auth}"},"topics":["alerts:severe","weather"]}""", "topics[1]" },
        { """{"platform":"webpush","endpoint":"{endpoint}","keys":{"p256dh":"{p256dh}","auth":"{auth}"},"topics":["category:football"]}""", "topics[0]" },
        { """{"platform":"webpush","endpoint":"{endpoint}","keys":{"p256dh":"{p256dh}","auth":"{auth}"},"topics":["region:0916"]}""", "topics[0]" },
        { """{"platform":"webpush","endpoint":"{endpoint}","keys":{"p256dh":"{p256dh}","auth":"{auth}"},"topics":["alerts:dangerous"]}""", "topics[0]" },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task Register_WithBadInput_Is400NamingTheField_AndStoresNothing(string body, string field)
    {
        using var client = factory.CreateClient();
        using var browser = new BrowserSubscription(new Uri(PushOrigin, $"push/{Guid.NewGuid():N}"));
        var json = body.Replace("{endpoint}", browser.Endpoint.ToString(), StringComparison.Ordinal)
            .Replace("{p256dh}", System.Buffers.Text.Base64Url.EncodeToString(browser.PublicKey), StringComparison.Ordinal)
            .Replace("{auth}", System.Buffers.Text.Base64Url.EncodeToString(browser.AuthSecret), StringComparison.Ordinal);

        using var response = await client.PostAsync("/api/v1/devices", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Devices.JsonAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for '{field}': {problem}");
        Assert.Equal(0, await CountAsync(browser.Endpoint));
    }

    [Fact]
    public async Task Register_WithCitizenToken_LinksTheDevice_AgainWithoutToken_UnlinksIt()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var anonymous = factory.CreateClient();
        using var browser = new BrowserSubscription(new Uri(PushOrigin, $"push/{Guid.NewGuid():N}"));

        var linked = await Devices.RegisterAsync(erika, browser.Registration());
        Assert.True(linked.Body.GetProperty("linked").GetBoolean());
        Assert.Equal("dev-citizen-erika", await SubjectAsync(browser.Endpoint));

        var unlinked = await Devices.RegisterAsync(anonymous, browser.Registration());
        Assert.Equal(linked.Id, unlinked.Id);
        Assert.False(unlinked.Body.GetProperty("linked").GetBoolean());
        Assert.Null(await SubjectAsync(browser.Endpoint));
    }

    [Fact]
    public async Task Register_WithStaffToken_Is403_WithInvalidToken_Is401()
    {
        using var caseworker = await factory.CreateClientAsAsync("caseworker");
        using var forged = factory.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
        using var browser = new BrowserSubscription(new Uri(PushOrigin, $"push/{Guid.NewGuid():N}"));

        using var staff = await Devices.PostAsync(caseworker, browser.Registration());
        using var invalid = await Devices.PostAsync(forged, browser.Registration());

        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await CountAsync(browser.Endpoint));
    }

    [Fact]
    public async Task DeviceCalls_WithoutSecretOrWithAnotherDevicesSecret_Are403_AndChangeNothing()
    {
        using var client = factory.CreateClient();
        using var mine = new BrowserSubscription(new Uri(PushOrigin, $"push/{Guid.NewGuid():N}"));
        using var theirs = new BrowserSubscription(new Uri(PushOrigin, $"push/{Guid.NewGuid():N}"));
        var device = await Devices.RegisterAsync(client, mine.Registration("alerts:severe"));
        var other = await Devices.RegisterAsync(client, theirs.Registration());
        var path = $"/api/v1/devices/{device.Id}";

        using var noSecret = await Devices.SendAsync(client, HttpMethod.Delete, path, null);
        using var otherSecret = await Devices.SendAsync(client, HttpMethod.Delete, path, other.Secret);
        using var garbage = await Devices.SendAsync(client, HttpMethod.Put, $"{path}/topics/alerts:minor", "bm90LWEtc2VjcmV0");
        using var unknownDevice = await Devices.SendAsync(client, HttpMethod.Get, $"/api/v1/devices/{Guid.NewGuid()}", device.Secret);

        Assert.Equal(HttpStatusCode.Forbidden, noSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unknownDevice.StatusCode);
        using var read = await Devices.SendAsync(client, HttpMethod.Get, path, device.Secret);
        Assert.Equal(["alerts:severe"], (await Devices.JsonAsync(read)).GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Unregister_WithItsSecret_Is204_AndTheDeviceIsGone()
    {
        using var client = factory.CreateClient();
        using var browser = new BrowserSubscription(new Uri(PushOrigin, $"push/{Guid.NewGuid():N}"));
        var device = await Devices.RegisterAsync(client, browser.Registration());

        using var deleted = await Devices.SendAsync(client, HttpMethod.Delete, $"/api/v1/devices/{device.Id}", device.Secret);
        using var read = await Devices.SendAsync(client, HttpMethod.Get, $"/api/v1/devices/{device.Id}", device.Secret);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(0, await CountAsync(browser.Endpoint));
    }

    [Fact]
    public async Task Topics_OptInOptOutAndReplace_ChangeTheList_UnknownTopic_Is400NamingTopic()
    {
        using var client = factory.CreateClient();
        using var browser = new BrowserSubscription(new Uri(PushOrigin, $"push/{Guid.NewGuid():N}"));
        var device = await Devices.RegisterAsync(client, browser.Registration("alerts:minor"));
        var topics = $"/api/v1/devices/{device.Id}/topics";

        using var severe = await Devices.SendAsync(client, HttpMethod.Put, $"{topics}/alerts:severe", device.Secret);
        using var region = await Devices.SendAsync(client, HttpMethod.Put, $"{topics}/region:091620000000", device.Secret);
        using var category = await Devices.SendAsync(client, HttpMethod.Put, $"{topics}/category:waste", device.Secret);
        Assert.Equal(["alerts:severe", "category:waste", "region:091620000000"], await TopicsAsync(category));

        using var alertsOff = await Devices.SendAsync(client, HttpMethod.Delete, $"{topics}/alerts:minor", device.Secret);
        Assert.Equal(["category:waste", "region:091620000000"], await TopicsAsync(alertsOff));

        using var replaced = await Devices.SendAsync(client, HttpMethod.Put, topics, device.Secret, new { topics = new[] { "category:culture", "alerts:extreme" } });
        Assert.Equal(["alerts:extreme", "category:culture"], await TopicsAsync(replaced));

        using var unknown = await Devices.SendAsync(client, HttpMethod.Put, $"{topics}/category:football", device.Secret);
        using var unknownInList = await Devices.SendAsync(client, HttpMethod.Put, topics, device.Secret, new { topics = new[] { "alerts:extreme", "sport" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await Devices.JsonAsync(unknown)).GetProperty("errors").TryGetProperty("topic", out _));
        Assert.True((await Devices.JsonAsync(unknownInList)).GetProperty("errors").TryGetProperty("topics[1]", out _));
        using var read = await Devices.SendAsync(client, HttpMethod.Get, topics, device.Secret);
        Assert.Equal(["alerts:extreme", "category:culture"], await TopicsAsync(read));
    }

    [Fact]
    public async Task VapidPublicKey_IsTheConfiguredKey_WithAnETag_ThatAnswers304()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/v1/push/vapid-public-key", TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/push/vapid-public-key");
        request.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var again = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(factory.Vapid.PublicKey, (await Devices.JsonAsync(response)).GetProperty("publicKey").GetString());
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task TopicCatalog_ListsThresholdsCategoriesAndRegions_InTheAskedLanguage()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/push/topics");
        request.Headers.AcceptLanguage.ParseAdd("en-US");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        var catalog = await Devices.JsonAsync(response);
        Assert.Equal("en", response.Content.Headers.ContentLanguage.Single());
        Assert.Equal(["alerts:minor", "alerts:moderate", "alerts:severe", "alerts:extreme"], catalog.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("topic").GetString()));
        Assert.Equal("All alerts", catalog.GetProperty("alerts")[0].GetProperty("label").GetString());
        Assert.Contains(catalog.GetProperty("categories").EnumerateArray(), c => c.GetProperty("topic").GetString() == "category:traffic");
        Assert.Equal("region:091620000000", catalog.GetProperty("regions").GetProperty("example").GetString());
    }

    private static async Task<IReadOnlyList<string?>> TopicsAsync(HttpResponseMessage response)
    {
        var body = await Devices.JsonAsync(response);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return [.. body.GetProperty("topics").EnumerateArray().Select(t => t.GetString())];
    }

    private async Task<int> CountAsync(Uri endpoint)
    {
        using var scope = factory.Services.CreateScope();
        var text = endpoint.ToString();
        return await scope.ServiceProvider.GetRequiredService<MobileDbContext>().Devices.CountAsync(d => d.Endpoint == text, TestContext.Current.CancellationToken);
    }

    private async Task<string?> SubjectAsync(Uri endpoint)
    {
        using var scope = factory.Services.CreateScope();
        var text = endpoint.ToString();
        return await scope.ServiceProvider.GetRequiredService<MobileDbContext>().Devices.Where(d => d.Endpoint == text).Select(d => d.Subject).SingleAsync(TestContext.Current.CancellationToken);
    }
}
