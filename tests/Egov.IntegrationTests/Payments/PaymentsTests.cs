using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.IntegrationTests.Identity;
using Egov.Modules.Payments.Persistence;
using Egov.Testing.Fakes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Egov.IntegrationTests.Forms.Cases.Filing;

namespace Egov.IntegrationTests.Payments;

/// <summary>
/// Paying the resident parking permit's fee (30,70 EUR) through Stripe Checkout, against a fake Stripe on
/// 127.0.0.1: hosted page, return, signed notifications in every order, forged and duplicate
/// notifications, amount mismatch, retries, refunds with four eyes and the treasury report.
/// </summary>
public sealed class PaymentsTests(PaymentsFactory factory) : IClassFixture<PaymentsFactory>
{
    private const long ParkingPermitCents = 3070;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_OpensTheHostedPageForTheFeeInCents_AndAgainTheSamePageWhileOpen()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, reference) = await FileAsync(erika);

        var first = await StartAsync(erika, id);
        var second = await StartAsync(erika, id);

        Assert.Equal("Open", first.GetProperty("state").GetString());
        Assert.Equal(ParkingPermitCents, first.GetProperty("amountCents").GetInt64());
        Assert.Equal("EUR", first.GetProperty("currency").GetString());
        Assert.StartsWith(factory.Stripe.BaseAddress + "pay/cs_test_", first.GetProperty("checkoutUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal(first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());
        Assert.Equal(first.GetProperty("checkoutUrl").GetString(), second.GetProperty("checkoutUrl").GetString());
        var session = factory.Stripe.Session(SessionId(first));
        Assert.Equal(ParkingPermitCents, (long)session["amount_total"]!);
        Assert.Equal("eur", (string?)session["currency"]);
        Assert.Equal(first.GetProperty("id").GetGuid().ToString(), (string?)session["client_reference_id"]);
        var create = Assert.Single(factory.Stripe.RequestsTo("/v1/checkout/sessions"), r => r.BodyText.Contains(first.GetProperty("id").GetGuid().ToString(), StringComparison.Ordinal));
        Assert.Contains(Uri.EscapeDataString(reference), create.BodyText, StringComparison.Ordinal);
        Assert.NotNull(create.Header("Idempotency-Key"));
    }

    [Fact]
    public async Task Paid_NotificationThenReturn_IsPaidOnce_ShownOnApplicationAndCase_AndFilterable()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var caseworker = await factory.CreateClientAsAsync("caseworker");
        var (id, _) = await FileAsync(erika);
        var payment = await StartAsync(erika, id);
        var paid = factory.Stripe.Complete(SessionId(payment));

        var notified = await NotifyAsync(factory.Stripe.Notification("checkout.session.completed", paid));
        var returned = await ReturnAsync(payment);

        Assert.Equal("Applied", (await notified.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("result").GetString());
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal($"/applications/{id}?payment=Paid", returned.Headers.Location!.OriginalString);
        var onApplication = await PaymentOnApplicationAsync(erika, id, "Paid");
        Assert.Equal(ParkingPermitCents, onApplication.GetProperty("amountCents").GetInt64());
        Assert.Equal((string?)paid["payment_intent"], onApplication.GetProperty("providerReference").GetString());
        Assert.True(onApplication.GetProperty("paidAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        var (caseView, _) = await GetCaseAsync(caseworker, id);
        Assert.Equal("Paid", caseView.GetProperty("payment").GetProperty("state").GetString());
        var worklist = await caseworker.GetFromJsonAsync<JsonElement>("/api/v1/cases?payment=Paid&limit=100", Ct);
        Assert.Contains(worklist.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id && c.GetProperty("paymentState").GetString() == "Paid");
        var open = await caseworker.GetFromJsonAsync<JsonElement>("/api/v1/cases?payment=Open&limit=100", Ct);
        Assert.DoesNotContain(open.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal(1, await StateChangesAsync(payment, "Paid"));
    }

    [Fact]
    public async Task Paid_ReturnWithoutAnyNotification_IsReadFromTheProvider()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, _) = await FileAsync(erika);
        var payment = await StartAsync(erika, id);
        factory.Stripe.Complete(SessionId(payment));

        await ReturnAsync(payment);

        Assert.Equal("Paid", (await PaymentsAsync(erika, id))[0].GetProperty("state").GetString());
        await PaymentOnApplicationAsync(erika, id, "Paid");
    }

    [Fact]
    public async Task Return_BeforeThePageIsPaid_KeepsItOpen_TheLaterNotificationPays()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, _) = await FileAsync(erika);
        var payment = await StartAsync(erika, id);

        var returned = await ReturnAsync(payment);
        var paid = factory.Stripe.Complete(SessionId(payment));
        await NotifyAsync(factory.Stripe.Notification("checkout.session.completed", paid));

        Assert.Equal($"/applications/{id}?payment=Open", returned.Headers.Location!.OriginalString);
        Assert.Equal("Paid", (await PaymentsAsync(erika, id))[0].GetProperty("state").GetString());
    }

    [Fact]
    public async Task Notification_Twice_IsBookedOnce_AndAnExpiryAfterPaymentChangesNothing()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, _) = await FileAsync(erika);
        var payment = await StartAsync(erika, id);
        var paid = factory.Stripe.Complete(SessionId(payment));
        var notification = factory.Stripe.Notification("checkout.session.completed", paid);

        var first = await NotifyAsync(notification);
        var again = await NotifyAsync(notification);
        var lateExpiry = await NotifyAsync(factory.Stripe.Notification("checkout.session.expired", factory.Stripe.Expire(SessionId(payment))));

        Assert.Equal("Applied", (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("result").GetString());
        Assert.Equal("Duplicate", (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("result").GetString());
        Assert.Equal(HttpStatusCode.OK, lateExpiry.StatusCode);
        Assert.Equal("Paid", (await PaymentsAsync(erika, id))[0].GetProperty("state").GetString());
        Assert.Equal(1, await StateChangesAsync(payment, "Paid"));
        Assert.Equal(0, await StateChangesAsync(payment, "Expired"));
    }

    [Fact]
    public async Task Notification_Forged_Altered_Unsigned_OrStale_Is400_AndChangesNothing()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, _) = await FileAsync(erika);
        var payment = await StartAsync(erika, id);
        var paid = factory.Stripe.Complete(SessionId(payment));
        var genuine = factory.Stripe.Notification("checkout.session.completed", paid);

        var forged = await NotifyAsync(factory.Stripe.Notification("checkout.session.completed", paid, secret: "whsec_guessed"));
        var altered = await NotifyAsync(genuine with { Payload = genuine.Payload.Replace("\"livemode\":false", "\"livemode\":true", StringComparison.Ordinal) });
        var unsigned = await NotifyAsync(genuine with { Signature = "" });
        var stale = await NotifyAsync(factory.Stripe.Notification("checkout.session.completed", paid, signedAt: DateTimeOffset.UtcNow.AddMinutes(-10)));

        Assert.All([forged, altered, unsigned, stale], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Open", (await PaymentsAsync(erika, id))[0].GetProperty("state").GetString());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
        Assert.False(await db.ProviderNotifications.AnyAsync(n => n.PaymentId == payment.GetProperty("id").GetGuid(), Ct));
    }

    [Fact]
    public async Task Notification_WithAnotherAmount_IsRefusedAndFlagged_AndReportedToTheTreasury()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var caseworker = await factory.CreateClientAsAsync("caseworker");
        var (id, _) = await FileAsync(erika);
        var payment = await StartAsync(erika, id);
        var underpaid = factory.Stripe.Complete(SessionId(payment), amountTotal: 100);

        await NotifyAsync(factory.Stripe.Notification("checkout.session.completed", underpaid));
        await ReturnAsync(payment);

        var mine = (await PaymentsAsync(erika, id))[0];
        Assert.Equal("Open", mine.GetProperty("state").GetString());
        Assert.Equal("AmountMismatch", mine.GetProperty("flag").GetString());
        var report = await caseworker.GetFromJsonAsync<JsonElement>("/api/v1/payments/reconciliation", Ct);
        Assert.Contains(report.GetProperty("lines").EnumerateArray(), l => l.GetProperty("paymentId").GetGuid() == mine.GetProperty("id").GetGuid() && l.GetProperty("kind").GetString() == "Flagged");
    }

    [Fact]
    public async Task Failed_ThenRetry_OpensANewPage_AndAPaidFeeIsNeverPaidAgain()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, _) = await FileAsync(erika);
        var first = await StartAsync(erika, id);
        var failed = await factory.Stripe.FailAsync(SessionId(first));
        await NotifyAsync(factory.Stripe.Notification("checkout.session.async_payment_failed", failed));
        Assert.Equal("Failed", (await PaymentsAsync(erika, id))[0].GetProperty("state").GetString());

        var retry = await StartAsync(erika, id);
        await NotifyAsync(factory.Stripe.Notification("checkout.session.completed", factory.Stripe.Complete(SessionId(retry))));
        var third = await erika.PostAsync($"/api/v1/applications/{id}/payments", null, Ct);

        Assert.NotEqual(first.GetProperty("id").GetGuid(), retry.GetProperty("id").GetGuid());
        Assert.NotEqual(SessionId(first), SessionId(retry));
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        var payments = await PaymentsAsync(erika, id);
        Assert.Equal(["Paid", "Failed"], payments.Select(p => p.GetProperty("state").GetString()));
        await PaymentOnApplicationAsync(erika, id, "Paid");
    }

    [Fact]
    public async Task Cancelled_ClosesThePageAtTheProvider_AndTheCitizenMayRetry()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, _) = await FileAsync(erika);
        var payment = await StartAsync(erika, id);

        var cancelled = await Anonymous().GetAsync($"/api/v1/payments/{payment.GetProperty("id").GetGuid()}/cancel", Ct);

        Assert.Equal($"/applications/{id}?payment=Cancelled", cancelled.Headers.Location!.OriginalString);
        Assert.Equal("expired", (string?)factory.Stripe.Session(SessionId(payment))["status"]);
        var mine = (await PaymentsAsync(erika, id))[0];
        Assert.Equal("Cancelled", mine.GetProperty("state").GetString());
        Assert.True(mine.GetProperty("canRetry").GetBoolean());
        await PaymentOnApplicationAsync(erika, id, "Cancelled");
        Assert.Equal("Open", (await StartAsync(erika, id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Cancel_AfterThePageWasPaid_BooksThePayment()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, _) = await FileAsync(erika);
        var payment = await StartAsync(erika, id);
        factory.Stripe.Complete(SessionId(payment));

        var cancelled = await Anonymous().GetAsync($"/api/v1/payments/{payment.GetProperty("id").GetGuid()}/cancel", Ct);

        Assert.Equal($"/applications/{id}?payment=Paid", cancelled.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Start_ForAnotherCitizensApplication_Is404()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var max = await factory.CreateClientAsAsync("max");
        var (id, _) = await FileAsync(erika);

        var response = await max.PostAsync($"/api/v1/applications/{id}/payments", null, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TwoHostInstances_NotificationsAndReturnsAtOnce_BookThePaymentOnce()
    {
        await using var second = new SecondPaymentsHost(factory);
        await second.InitializeAsync();
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, _) = await FileAsync(erika);
        var payment = await StartAsync(erika, id);
        var again = await StartAsync(await second.CreateClientAsAsync("erika"), id);
        var notification = factory.Stripe.Notification("checkout.session.completed", factory.Stripe.Complete(SessionId(payment)));
        using var hostA = Anonymous();
        using var hostB = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var answers = await Task.WhenAll(
            NotifyAsync(notification, hostA), NotifyAsync(notification, hostB),
            hostA.GetAsync($"/api/v1/payments/{payment.GetProperty("id").GetGuid()}/return", Ct),
            hostB.GetAsync($"/api/v1/payments/{payment.GetProperty("id").GetGuid()}/return", Ct));

        Assert.Equal(payment.GetProperty("checkoutUrl").GetString(), again.GetProperty("checkoutUrl").GetString());
        Assert.All(answers, a => Assert.True(a.IsSuccessStatusCode || a.StatusCode == HttpStatusCode.Redirect, a.StatusCode.ToString()));
        Assert.Single(factory.Stripe.Sessions, s => (string?)s["client_reference_id"] == payment.GetProperty("id").GetGuid().ToString());
        Assert.Equal(1, await StateChangesAsync(payment, "Paid"));
        await PaymentOnApplicationAsync(erika, id, "Paid");
    }

    [Fact]
    public async Task Refund_AboveTheApprovalAmount_WaitsForASecondPerson_ThenRunsOnce()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var caseworker = await factory.CreateClientAsAsync("caseworker");
        using var otherDepartment = await factory.CreateClientAsAsync("caseworker2");
        using var admin = await factory.CreateClientAsAsync("admin");
        var (id, _) = await FileAsync(erika);
        var payment = await StartAsync(erika, id);
        var paid = factory.Stripe.Complete(SessionId(payment));
        await NotifyAsync(factory.Stripe.Notification("checkout.session.completed", paid));
        var paymentId = payment.GetProperty("id").GetGuid();

        var noReason = await caseworker.PostAsJsonAsync($"/api/v1/payments/{paymentId}/refunds", new { reason = "" }, Ct);
        var foreign = await otherDepartment.PostAsJsonAsync($"/api/v1/payments/{paymentId}/refunds", new { reason = "Antrag zurückgezogen" }, Ct);
        var requested = await caseworker.PostAsJsonAsync($"/api/v1/payments/{paymentId}/refunds", new { reason = "Antrag zurückgezogen" }, Ct);
        var refund = await requested.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var refundId = refund.GetProperty("id").GetGuid();
        var selfApproved = await caseworker.PostAsync($"/api/v1/payments/refunds/{refundId}/approve", null, Ct);
        Assert.DoesNotContain(factory.Stripe.Refunds, r => (string?)r["payment_intent"] == (string?)paid["payment_intent"]);
        var approved = await admin.PostAsync($"/api/v1/payments/refunds/{refundId}/approve", null, Ct);
        var twice = await admin.PostAsync($"/api/v1/payments/refunds/{refundId}/approve", null, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("AwaitingApproval", refund.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, selfApproved.StatusCode);
        Assert.Equal("Executed", (await approved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        Assert.Equal("Executed", (await twice.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        var stripeRefund = Assert.Single(factory.Stripe.Refunds, r => (string?)r["payment_intent"] == (string?)paid["payment_intent"]);
        Assert.Equal(ParkingPermitCents, (long)stripeRefund["amount"]!);
        Assert.Equal("Refunded", (await PaymentsAsync(erika, id))[0].GetProperty("state").GetString());
        await PaymentOnApplicationAsync(erika, id, "Refunded");
        var csv = await caseworker.GetStringAsync("/api/v1/payments/reconciliation.csv", Ct);
        Assert.Contains($",Refunded,", csv, StringComparison.Ordinal);
        Assert.Contains($",{(string?)stripeRefund["id"]},30.70,Antrag zurückgezogen\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconciliation_TotalsPerProvider_InJsonAndCsv()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var caseworker = await factory.CreateClientAsAsync("caseworker");
        var before = await ProviderTotalsAsync(caseworker);
        var (id, reference) = await FileAsync(erika);
        var payment = await StartAsync(erika, id);
        var paid = factory.Stripe.Complete(SessionId(payment));
        await NotifyAsync(factory.Stripe.Notification("checkout.session.completed", paid));

        var after = await ProviderTotalsAsync(caseworker);
        var csv = await caseworker.GetAsync("/api/v1/payments/reconciliation.csv", Ct);
        var text = await csv.Content.ReadAsStringAsync(Ct);

        Assert.Equal(before.PaidCount + 1, after.PaidCount);
        Assert.Equal(before.PaidCents + ParkingPermitCents, after.PaidCents);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("record,time,provider,kind,reference_number,payment_id,provider_reference,amount_eur,note\r\n", text, StringComparison.Ordinal);
        Assert.Contains($",stripe,Paid,{reference},{payment.GetProperty("id").GetGuid()},{(string?)paid["payment_intent"]},30.70,\r\n", text, StringComparison.Ordinal);
        Assert.Contains(",stripe,Net,", text, StringComparison.Ordinal);
        var refused = await erika.GetAsync("/api/v1/payments/reconciliation", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private async Task<(int PaidCount, long PaidCents)> ProviderTotalsAsync(HttpClient staff)
    {
        var report = await staff.GetFromJsonAsync<JsonElement>("/api/v1/payments/reconciliation", Ct);
        var stripe = report.GetProperty("providers").EnumerateArray().FirstOrDefault(p => p.GetProperty("provider").GetString() == "stripe");
        return stripe.ValueKind == JsonValueKind.Undefined ? (0, 0) : (stripe.GetProperty("paidCount").GetInt32(), stripe.GetProperty("paidCents").GetInt64());
    }

    private static async Task<JsonElement> StartAsync(HttpClient citizen, Guid applicationId)
    {
        var response = await citizen.PostAsync($"/api/v1/applications/{applicationId}/payments", null, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<List<JsonElement>> PaymentsAsync(HttpClient citizen, Guid applicationId) =>
        [.. (await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{applicationId}/payments", Ct)).EnumerateArray()];

    private static string SessionId(JsonElement payment) => payment.GetProperty("checkoutUrl").GetString()!.Split('/')[^1];

    private HttpClient Anonymous() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpResponseMessage> ReturnAsync(JsonElement payment)
    {
        using var browser = Anonymous();
        return await browser.GetAsync($"/api/v1/payments/{payment.GetProperty("id").GetGuid()}/return?session_id={SessionId(payment)}", Ct);
    }

    private async Task<HttpResponseMessage> NotifyAsync(StripeNotification notification, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/notifications/stripe")
        {
            Content = new StringContent(notification.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", notification.Signature);
        using var own = client is null ? Anonymous() : null;
        return await (client ?? own!).SendAsync(request, Ct);
    }

    /// <summary>The application's payment once Forms recorded <paramref name="state"/> (the event goes through the outbox).</summary>
    private static async Task<JsonElement> PaymentOnApplicationAsync(HttpClient citizen, Guid applicationId, string state)
    {
        JsonElement payment = default;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var application = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{applicationId}", Ct);
            payment = application.GetProperty("payment");
            if (payment.ValueKind == JsonValueKind.Object && payment.GetProperty("state").GetString() == state)
            {
                return payment;
            }

            await Task.Delay(100, Ct);
        }

        Assert.Fail($"The application shows no payment in state {state}; last: {payment}");
        return payment;
    }

    /// <summary>How many state changes to <paramref name="state"/> the Payments module published for the payment.</summary>
    private async Task<int> StateChangesAsync(JsonElement payment, string state)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
        var id = payment.GetProperty("id").GetGuid().ToString();
        var events = await db.OutboxMessages.AsNoTracking().Where(m => m.EventType.Contains("PaymentStateChanged")).Select(m => m.Payload).ToListAsync(Ct);
        return events.Select(e => JsonNode.Parse(e)!).Count(e => (string?)e["paymentId"] == id && (string?)e["state"] == state);
    }
}
