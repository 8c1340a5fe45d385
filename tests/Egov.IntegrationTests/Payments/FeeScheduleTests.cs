using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.IntegrationTests.Identity;
using Egov.Modules.Payments.Features.Payments;
using Egov.Modules.Payments.Persistence;
using Egov.SharedKernel.Work;
using Egov.Testing.Fakes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Egov.IntegrationTests.Forms.Cases.Filing;
using static Egov.IntegrationTests.Payments.PaymentSteps;

namespace Egov.IntegrationTests.Payments;

/// <summary>
/// What the form version declares about its fee: computed from the data (<c>fee.perField</c>, checked
/// when the version is saved), paid before or after submission (<c>fee.payment</c>); and the sweep of
/// hosted pages nobody came back from, on a clock the test sets.
/// </summary>
public sealed class FeeScheduleTests(PaymentsFactory factory) : IClassFixture<PaymentsFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SaveVersion_WithAFeeFieldTheSchemaLacks_Is400NamingTheEntry_AndNothingIsStored()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        var key = "parken-" + Guid.NewGuid().ToString("N")[..8];
        var document = await ParkingPermitDocumentAsync(admin, key);
        document["fee"]!["perField"] = new JsonArray(new JsonObject { ["field"] = "/vehicle", ["amountEur"] = 30.70m }, new JsonObject { ["field"] = "/vehicles", ["amountEur"] = 10m });

        var response = await admin.PostAsJsonAsync("/api/v1/forms", document, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("fee.perField[1].field", out var message), problem.ToString());
        Assert.Contains("/vehicles", message[0].GetString(), StringComparison.Ordinal);
        Assert.False(errors.TryGetProperty("fee.perField[0].field", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/forms/{key}", Ct)).StatusCode);
    }

    [Fact]
    public async Task SeededParkingPermit_ChargesPerVehicle_ComputedInCents()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var form = await erika.GetFromJsonAsync<JsonElement>("/api/v1/forms/bewohnerparkausweis", Ct);
        var fee = form.GetProperty("definition").GetProperty("fee");
        var (id, _) = await FileAsync(erika);

        var payment = await StartAsync(erika, id);

        Assert.Equal("/vehicle", fee.GetProperty("perField")[0].GetProperty("field").GetString());
        Assert.Equal(0m, fee.GetProperty("amountEur").GetDecimal());
        Assert.Equal(3070, payment.GetProperty("amountCents").GetInt64());
        Assert.Equal(3070, (long)factory.Stripe.Session(SessionId(payment))["amount_total"]!);
    }

    [Fact]
    public async Task PayAfterSubmission_TheDraftHasNothingToPay_AndSubmitsWithoutPayment()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var draft = await DraftReadyToSubmitAsync(erika);

        var early = await erika.PostAsync($"/api/v1/applications/{draft}/payments", null, Ct);
        var submitted = await erika.PostAsync($"/api/v1/applications/{draft}/submit", null, Ct);

        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
    }

    [Fact]
    public async Task PayBeforeSubmission_SubmitIsRefusedUntilPaid_ThenFiles_AndThePaymentGetsTheReferenceNumber()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        using var erika = await factory.CreateClientAsAsync("erika");
        var key = await PublishPayBeforeFormAsync(admin);
        var draft = await DraftReadyToSubmitAsync(erika, key);

        var unpaid = await erika.PostAsync($"/api/v1/applications/{draft}/submit", null, Ct);
        var payment = await StartAsync(erika, draft);
        var whileOpen = await erika.PostAsync($"/api/v1/applications/{draft}/submit", null, Ct);
        await NotifyAsync(factory.Stripe.Notification("checkout.session.completed", factory.Stripe.Complete(SessionId(payment))));
        var submitted = await erika.PostAsync($"/api/v1/applications/{draft}/submit", null, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unpaid.StatusCode);
        var problem = await ProblemAsync(unpaid);
        Assert.Equal("payment", problem.GetProperty("field").GetString());
        Assert.Equal(3070, problem.GetProperty("feeCents").GetInt64());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, whileOpen.StatusCode);
        Assert.Equal(3070, payment.GetProperty("amountCents").GetInt64());
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var reference = (await submitted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("referenceNumber").GetString();
        await WaitUntilAsync(async () => (await PaymentsOf(erika, draft))[0].GetProperty("referenceNumber").GetString() == reference);
        Assert.Equal("Paid", (await PaymentsOf(erika, draft))[0].GetProperty("state").GetString());
    }

    [Fact]
    public async Task Sweep_AfterTheProvidersExpiry_AsksTheProvider_ExpiresOnceOnTwoInstances_AndTheCitizenCanPayAgain()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var (stillOpenId, _) = await FileAsync(erika);
        var (expiredId, _) = await FileAsync(erika);
        var (paidId, _) = await FileAsync(erika);
        var stillOpen = await StartAsync(erika, stillOpenId);
        var expired = await StartAsync(erika, expiredId);
        var paid = await StartAsync(erika, paidId);
        factory.Stripe.Expire(SessionId(expired));
        factory.Stripe.Complete(SessionId(paid));
        var early = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(10));
        var late = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(2));

        var beforeExpiry = await DrainAsync(Sweep(early));
        await Task.WhenAll(DrainAsync(Sweep(late)), DrainAsync(Sweep(late)));
        var again = await StartAsync(erika, expiredId);

        Assert.Equal(0, beforeExpiry);
        Assert.Equal("Open", (await PaymentsOf(erika, stillOpenId))[0].GetProperty("state").GetString());
        Assert.Equal("Paid", (await PaymentsOf(erika, paidId))[0].GetProperty("state").GetString());
        var expiredPayments = await PaymentsOf(erika, expiredId);
        Assert.Equal(new[] { "Open", "Expired" }, expiredPayments.Select(p => p.GetProperty("state").GetString()));
        Assert.Equal(1, await StateChangesAsync(expired.GetProperty("id").GetGuid(), "Expired"));
        Assert.NotEqual(expired.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());
        Assert.NotEqual(SessionId(expired), SessionId(again));
        Assert.Contains(factory.Stripe.Requests, r => r.Method == "GET" && r.Path == "/v1/checkout/sessions/" + SessionId(stillOpen));
    }

    [Fact]
    public async Task Sweep_NeverBooksASecondPayment_WhenAnExpiredPageWasPaidAfterANewOne()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, _) = await FileAsync(erika);
        var first = await StartAsync(erika, id);
        factory.Stripe.Expire(SessionId(first));
        await DrainAsync(Sweep(new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(2))));
        var second = await StartAsync(erika, id);
        await NotifyAsync(factory.Stripe.Notification("checkout.session.completed", factory.Stripe.Complete(SessionId(second))));

        var late = await NotifyAsync(factory.Stripe.Notification("checkout.session.completed", LatePaid(SessionId(first))));

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var payments = await PaymentsOf(erika, id);
        Assert.Single(payments, p => p.GetProperty("state").GetString() == "Paid");
        Assert.Equal("SecondPayment", payments.Single(p => p.GetProperty("id").GetGuid() == first.GetProperty("id").GetGuid()).GetProperty("flag").GetString());
    }

    /// <summary>A session Stripe closed that reports paid anyway (the citizen paid in the last second): the document's shape, not a fake state change.</summary>
    private JsonObject LatePaid(string sessionId)
    {
        var session = factory.Stripe.Session(sessionId);
        session["status"] = "complete";
        session["payment_status"] = "paid";
        session["payment_intent"] = "pi_late_" + Guid.NewGuid().ToString("N")[..12];
        return session;
    }

    private ExpiredCheckoutSweep Sweep(TimeProvider clock) => ActivatorUtilities.CreateInstance<ExpiredCheckoutSweep>(factory.Services, clock);

    private static async Task<int> DrainAsync(ExpiredCheckoutSweep sweep)
    {
        var total = 0;
        int claimed;
        while ((claimed = await sweep.RunOnceAsync(WorkLane.General, Ct)) > 0)
        {
            total += claimed;
        }

        return total;
    }

    private Task<HttpResponseMessage> NotifyAsync(StripeNotification notification) => PaymentSteps.NotifyAsync(factory, notification);

    private async Task<int> StateChangesAsync(Guid paymentId, string state)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
        var events = await db.OutboxMessages.AsNoTracking().Where(m => m.EventType.Contains("PaymentStateChanged")).Select(m => m.Payload).ToListAsync(Ct);
        return events.Select(e => JsonNode.Parse(e)!).Count(e => (string?)e["paymentId"] == paymentId.ToString() && (string?)e["state"] == state);
    }
}
