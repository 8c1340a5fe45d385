using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.Testing;
using Egov.Testing.Fakes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Egov.IntegrationTests.Payments;

/// <summary>The citizen's and the provider's steps of a fee payment, as the payment tests take them.</summary>
internal static class PaymentSteps
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Publishes a copy of the seeded resident parking permit (30,70 EUR per vehicle) that is paid before submission; returns its key.</summary>
    public static async Task<string> PublishPayBeforeFormAsync(HttpClient admin)
    {
        var key = "parken-vorab-" + Guid.NewGuid().ToString("N")[..8];
        var document = await ParkingPermitDocumentAsync(admin, key);
        document["fee"]!["payment"] = "beforeSubmission";
        var created = await admin.PostAsJsonAsync("/api/v1/forms", document, Ct);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
        var formId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("formId").GetGuid();
        var published = await admin.PostAsync($"/api/v1/forms/{formId}/versions/1/publish", null, Ct);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync(Ct));
        return key;
    }

    /// <summary>The seeded resident parking permit's definition under another key.</summary>
    public static async Task<JsonObject> ParkingPermitDocumentAsync(HttpClient client, string key)
    {
        var form = await client.GetFromJsonAsync<JsonElement>("/api/v1/forms/bewohnerparkausweis", Ct);
        var document = JsonNode.Parse(form.GetProperty("definition").GetRawText())!.AsObject();
        document["key"] = key;
        return document;
    }

    /// <summary>The citizen starts paying; the payment with its hosted page.</summary>
    public static async Task<JsonElement> StartAsync(HttpClient citizen, Guid applicationId)
    {
        var response = await citizen.PostAsync($"/api/v1/applications/{applicationId}/payments", null, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>The application's payments as its applicant sees them.</summary>
    public static async Task<List<JsonElement>> PaymentsOf(HttpClient citizen, Guid applicationId) =>
        [.. (await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{applicationId}/payments", Ct)).EnumerateArray()];

    /// <summary>The Checkout Session id of a payment's hosted page.</summary>
    public static string SessionId(JsonElement payment) => payment.GetProperty("checkoutUrl").GetString()!.Split('/')[^1];

    /// <summary>Delivers a signed Stripe notification as Stripe would (anonymous); asserts it was accepted.</summary>
    public static async Task<HttpResponseMessage> NotifyAsync(EgovApplicationFactory factory, StripeNotification notification)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/notifications/stripe")
        {
            Content = new StringContent(notification.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", notification.Signature);
        using var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.SendAsync(request, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return response;
    }

    /// <summary>Waits up to 10 seconds for <paramref name="condition"/> (events cross modules through the outbox after commit).</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 100 && !await condition(); attempt++)
        {
            await Task.Delay(100, Ct);
        }

        Assert.True(await condition(), "the condition did not hold within 10 seconds");
    }
}
