using System.Net;
using System.Text.Json;
using Egov.IntegrationTests.Identity;
using Egov.Modules.Announcements.Contracts;
using Egov.SharedKernel.Hosting;
using Egov.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Egov.IntegrationTests.Forms.Cases.Filing;

namespace Egov.IntegrationTests.Mobile.Push;

/// <summary>
/// Push end to end: an integration event through the outbox, the fan-out, Web Push to a fake push
/// service on 127.0.0.1 that a browser's keys decrypt. Each test uses its own region or audience,
/// so that the devices of one test do not receive the pushes of another.
/// </summary>
public sealed class WebPushDeliveryTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    private const string Munich = "091620000000";

    [Fact]
    public async Task AlertIssued_ToDevicesOfItsAreaAndSeverity_ArrivesSignedEncryptedAndUrgent()
    {
        await using var push = await FakePushService.StartAsync();
        using var client = factory.CreateClient();
        using var subscribed = push.Subscribe();
        using var tooHighThreshold = push.Subscribe();
        using var otherRegion = push.Subscribe();
        await Devices.RegisterAsync(client, subscribed.Registration("alerts:moderate", $"region:{Munich}"));
        await Devices.RegisterAsync(client, tooHighThreshold.Registration("alerts:extreme", $"region:{Munich}"));
        await Devices.RegisterAsync(client, otherRegion.Registration("alerts:minor", "region:081110000000"));
        var vapidKey = (await Devices.JsonAsync(await client.GetAsync("/api/v1/push/vapid-public-key", TestContext.Current.CancellationToken))).GetProperty("publicKey").GetString()!;
        var alertId = Guid.CreateVersion7();
        var expires = DateTimeOffset.UtcNow.AddHours(6);
        var issued = new AlertIssuedIntegrationEvent(Guid.CreateVersion7(), DateTimeOffset.UtcNow, alertId, "Unwetterwarnung: Sturmböen", "Severe", "Immediate",
            "Landeshauptstadt München", [Munich], expires);

        await Devices.PublishThroughOutboxAsync(factory, issued);

        var received = Assert.Single(await push.WaitForAsync(subscribed));
        Assert.Equal(factory.Vapid.PublicKey, vapidKey);
        WebPushCrypto.VerifyVapid(received.Header("Authorization"), subscribed.Endpoint, vapidKey, EgovApplicationFactory.VapidSubject);
        Assert.Equal("aes128gcm", received.Header("Content-Encoding"));
        Assert.Equal("high", received.Header("Urgency"));
        Assert.Equal(alertId.ToString("N"), received.Header("Topic"));
        Assert.InRange(int.Parse(received.Header("TTL")!, System.Globalization.CultureInfo.InvariantCulture), 6 * 3600 - 120, 6 * 3600);
        var payload = JsonDocument.Parse(WebPushCrypto.Decrypt(subscribed, received.Body)).RootElement;
        Assert.Equal("alert", payload.GetProperty("type").GetString());
        Assert.Equal("Severe", payload.GetProperty("severity").GetString());
        Assert.Equal("Unwetterwarnung: Sturmböen", payload.GetProperty("title").GetString());
        Assert.Equal(Link($"app/alerts/{alertId}"), payload.GetProperty("url").GetString());

        var (sent, failed, pruned) = await Devices.WaitForJobAsync(factory, issued.EventId);
        Assert.Equal((1, 0, 0), (sent, failed, pruned));
        Assert.Empty(push.For(tooHighThreshold));
        Assert.Empty(push.For(otherRegion));
    }

    [Fact]
    public async Task ApplicationStatusChanged_ByTheRealCaseFlow_ReachesOnlyTheApplicantsDevices_OnTheOneListOfToldStatuses_WithStatusWordAndLinkOnly()
    {
        await using var push = await FakePushService.StartAsync();
        using var erika = await factory.CreateClientAsAsync("erika");
        using var max = await factory.CreateClientAsAsync("max");
        using var anonymous = factory.CreateClient();
        using var caseworker = await factory.CreateClientAsAsync("caseworker");
        using var erikasPhone = push.Subscribe();
        using var erikasTablet = push.Subscribe();
        using var maxsPhone = push.Subscribe();
        using var someonesPhone = push.Subscribe();
        var phone = await Devices.RegisterAsync(erika, erikasPhone.Registration());
        await Devices.RegisterAsync(erika, erikasTablet.Registration(), language: "en");
        await Devices.RegisterAsync(max, maxsPhone.Registration());
        await Devices.RegisterAsync(anonymous, someonesPhone.Registration());
        Assert.True(phone.Body.GetProperty("linked").GetBoolean());

        var (applicationId, reference) = await FileAsync(erika);
        // The statuses of ApplicationStatusNotifications, as the status mail: InReview is internal
        // progress (not pushed), Withdrawn is confirmed (a warning if it was not the citizen).
        await TransitionAsync(caseworker, applicationId, "InReview");
        using (var withdrawn = await erika.PostAsync(new Uri($"/api/v1/applications/{applicationId}/withdraw", UriKind.Relative), null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        }

        var toPhone = await push.WaitForAsync(erikasPhone, 2);
        var toTablet = await push.WaitForAsync(erikasTablet, 2);
        var statuses = toPhone.Select(p => JsonDocument.Parse(WebPushCrypto.Decrypt(erikasPhone, p.Body)).RootElement).ToList();
        Assert.Equal(["Submitted", "Withdrawn"], statuses.Select(s => s.GetProperty("status").GetString()).Order(StringComparer.Ordinal));
        var withdrawal = statuses.Single(s => s.GetProperty("status").GetString() == "Withdrawn");
        Assert.Equal("application-status", withdrawal.GetProperty("type").GetString());
        Assert.Equal("Ihr Antrag wurde zurückgezogen", withdrawal.GetProperty("title").GetString());
        Assert.Equal(Link($"app/applications/{applicationId}"), withdrawal.GetProperty("url").GetString());
        var english = toTablet.Select(p => WebPushCrypto.Decrypt(erikasTablet, p.Body)).ToList();
        Assert.Contains(english, p => p.Contains("Your application has been withdrawn", StringComparison.Ordinal));
        foreach (var text in statuses.Select(s => s.GetRawText()).Concat(english))
        {
            // Nothing personal: not the reference number, the form, the applicant's name or e-mail.
            Assert.DoesNotContain(reference, text, StringComparison.Ordinal);
            Assert.DoesNotContain("bewohnerparkausweis", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Mustermann", text, StringComparison.Ordinal);
            Assert.DoesNotContain("@", text, StringComparison.Ordinal);
        }

        Assert.All(toPhone, p => Assert.Equal(applicationId.ToString("N"), p.Header("Topic")));
        Assert.All(toPhone, p => Assert.Null(p.Header("Urgency")));
        Assert.Empty(push.For(maxsPhone));
        Assert.Empty(push.For(someonesPhone));
    }

    [Fact]
    public async Task PushServiceAnswers410_TheRegistrationIsRemoved()
    {
        await using var push = await FakePushService.StartAsync();
        using var client = factory.CreateClient();
        using var gone = push.Subscribe();
        using var alive = push.Subscribe();
        var goneDevice = await Devices.RegisterAsync(client, gone.Registration("alerts:minor", "region:146120000000"));
        var aliveDevice = await Devices.RegisterAsync(client, alive.Registration("alerts:minor", "region:146120000000"));
        push.Answer(gone, (410, null));
        var issued = new AlertIssuedIntegrationEvent(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), "Hochwasser", "Moderate", "Expected",
            "Dresden", ["146120000000"], DateTimeOffset.UtcNow.AddHours(2));

        await Devices.PublishThroughOutboxAsync(factory, issued);

        var (sent, failed, pruned) = await Devices.WaitForJobAsync(factory, issued.EventId);
        Assert.Equal((1, 0, 1), (sent, failed, pruned));
        Assert.Single(push.For(gone));
        using var goneRead = await Devices.SendAsync(client, HttpMethod.Get, $"/api/v1/devices/{goneDevice.Id}", goneDevice.Secret);
        using var aliveRead = await Devices.SendAsync(client, HttpMethod.Get, $"/api/v1/devices/{aliveDevice.Id}", aliveDevice.Secret);
        Assert.Equal(HttpStatusCode.NotFound, goneRead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, aliveRead.StatusCode);
    }

    [Fact]
    public async Task PushServiceAnswers429_ThePushIsRetriedAfterRetryAfter()
    {
        await using var push = await FakePushService.StartAsync();
        using var client = factory.CreateClient();
        using var busy = push.Subscribe();
        await Devices.RegisterAsync(client, busy.Registration("alerts:minor", "region:064120000000"));
        push.Answer(busy, (429, "1"), (503, null));
        var issued = new AlertIssuedIntegrationEvent(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), "Stromausfall", "Minor", "Immediate",
            "Frankfurt am Main", ["064120000000"], DateTimeOffset.UtcNow.AddHours(2));

        await Devices.PublishThroughOutboxAsync(factory, issued);

        var attempts = await push.WaitForAsync(busy, 3);
        var (sent, failed, pruned) = await Devices.WaitForJobAsync(factory, issued.EventId);
        Assert.Equal((1, 0, 0), (sent, failed, pruned));
        Assert.Equal(3, attempts.Count);
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(0.9), $"the retry after 429 came {(attempts[1].At - attempts[0].At).TotalMilliseconds:0} ms later; Retry-After said 1 s");
        Assert.Equal("Stromausfall", JsonDocument.Parse(WebPushCrypto.Decrypt(busy, attempts[2].Body)).RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AlertCancelled_AllClearReachesTheAlertsDevices_InTheirLanguage()
    {
        await using var push = await FakePushService.StartAsync();
        using var client = factory.CreateClient();
        using var german = push.Subscribe();
        using var english = push.Subscribe();
        await Devices.RegisterAsync(client, german.Registration("alerts:severe", "region:110000000000"));
        await Devices.RegisterAsync(client, english.Registration("alerts:severe", "region:110000000000"), language: "en-GB");
        var alertId = Guid.CreateVersion7();
        var issued = new AlertIssuedIntegrationEvent(Guid.CreateVersion7(), DateTimeOffset.UtcNow, alertId, "Großbrand in Mitte", "Extreme", "Immediate",
            "Berlin-Mitte", ["110010000000"], DateTimeOffset.UtcNow.AddHours(2));
        var cancelled = new AlertCancelledIntegrationEvent(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), [alertId], "Großbrand in Mitte", "Berlin-Mitte", ["110010000000"]);

        await Devices.PublishThroughOutboxAsync(factory, issued);
        await Devices.WaitForJobAsync(factory, issued.EventId);
        await Devices.PublishThroughOutboxAsync(factory, cancelled);

        var allClear = JsonDocument.Parse(WebPushCrypto.Decrypt(german, (await push.WaitForAsync(german, 2))[1].Body)).RootElement;
        var allClearEn = JsonDocument.Parse(WebPushCrypto.Decrypt(english, (await push.WaitForAsync(english, 2))[1].Body)).RootElement;
        Assert.Equal("alert-cancelled", allClear.GetProperty("type").GetString());
        Assert.Equal("Entwarnung: Großbrand in Mitte", allClear.GetProperty("title").GetString());
        Assert.Equal("All clear: Großbrand in Mitte", allClearEn.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AnnouncementPublished_ReachesDevicesOfItsCategoriesOnly()
    {
        await using var push = await FakePushService.StartAsync();
        using var client = factory.CreateClient();
        using var culture = push.Subscribe();
        using var waste = push.Subscribe();
        await Devices.RegisterAsync(client, culture.Registration("category:culture"));
        await Devices.RegisterAsync(client, waste.Registration("category:waste"));
        var published = Announcements.AnnouncementSamples.PublishNews("Sommerfest im Stadtpark", DateTimeOffset.UtcNow, "culture");

        await Devices.PublishThroughOutboxAsync(factory, published);

        var received = Assert.Single(await push.WaitForAsync(culture));
        await Devices.WaitForJobAsync(factory, published.EventId);
        var payload = JsonDocument.Parse(WebPushCrypto.Decrypt(culture, received.Body)).RootElement;
        Assert.Equal("announcement", payload.GetProperty("type").GetString());
        Assert.Equal("Sommerfest im Stadtpark", payload.GetProperty("title").GetString());
        Assert.Equal("low", received.Header("Urgency"));
        Assert.Empty(push.For(waste));
    }

    /// <summary>A deep link as the app gets it: under the public base address's <c>app/</c>.</summary>
    private string Link(string relative) => factory.Services.GetRequiredService<IOptions<PublicSiteOptions>>().Value.Link(relative).ToString();
}
