using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Egov.IntegrationTests.Identity;
using Egov.Testing.Fakes;
using Microsoft.AspNetCore.Hosting;
using static Egov.IntegrationTests.Forms.Cases.Filing;

namespace Egov.IntegrationTests.Payments;

/// <summary>
/// The applicant's page of a filed resident parking permit, in a signed-in browser session: the fee
/// and "pay online", the link to the provider's hosted page, and "bezahlt" with the amount and the
/// provider's reference after paying at the fake Stripe.
/// </summary>
public sealed partial class PaymentPortalTests(PaymentPortalTests.Factory factory) : IClassFixture<PaymentPortalTests.Factory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApplicationPage_PayTheParkingPermit_LinksToTheHostedPage_ThenShowsBezahlt()
    {
        using var api = await factory.CreateClientAsAsync("erika");
        var (id, _) = await FileAsync(api);
        using var browser = await factory.SignedInBrowserAsync("erika");

        var before = WebUtility.HtmlDecode(await browser.GetStringAsync($"/applications/{id}", Ct));
        var paying = await browser.PostAsync($"/applications/{id}?handler=Pay", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(before).Groups[1].Value),
        }), Ct);
        var payingHtml = WebUtility.HtmlDecode(await paying.Content.ReadAsStringAsync(Ct));
        var payment = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}/payments", Ct))[0];
        var checkout = payment.GetProperty("checkoutUrl").GetString()!;
        factory.Stripe.Complete(checkout.Split('/')[^1]);
        var back = await browser.GetAsync($"/api/v1/payments/{payment.GetProperty("id").GetGuid()}/return?session_id={checkout.Split('/')[^1]}", Ct);
        var after = await PageWhenAsync(browser, id, "<dd class=\"payment-state\">bezahlt</dd>");

        Assert.Contains("30,70 €", before, StringComparison.Ordinal);
        Assert.Contains("noch nicht bezahlt", before, StringComparison.Ordinal);
        Assert.Contains("Gebühr online bezahlen", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, paying.StatusCode);
        Assert.Contains($"href=\"{checkout}\"", payingHtml, StringComparison.Ordinal);
        Assert.Equal($"/applications/{id}?payment=Paid", back.Headers.Location!.OriginalString);
        Assert.Contains("30,70 €", after, StringComparison.Ordinal);
        Assert.Contains((string)factory.Stripe.Session(checkout.Split('/')[^1])["payment_intent"]!, after, StringComparison.Ordinal);
        Assert.DoesNotContain("Gebühr online bezahlen", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplicationAndCasePages_AfterPaying_LinkThePaymentConfirmation_WhichDownloadsTheSamePdf()
    {
        using var api = await factory.CreateClientAsAsync("erika");
        var (id, _) = await FileAsync(api);
        var payment = await (await api.PostAsync($"/api/v1/applications/{id}/payments", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var paymentId = payment.GetProperty("id").GetGuid();
        var session = payment.GetProperty("checkoutUrl").GetString()!.Split('/')[^1];
        factory.Stripe.Complete(session);
        using var citizen = await factory.SignedInBrowserAsync("erika");
        using var caseworker = await factory.SignedInBrowserAsync("caseworker");
        await citizen.GetAsync($"/api/v1/payments/{paymentId}/return?session_id={session}", Ct);
        var link = $"/applications/{id}?handler=PaymentConfirmation&paymentId={paymentId}";
        var staffLink = $"/staff/cases/{id}?handler=PaymentConfirmation&paymentId={paymentId}";

        var page = await PageWhenAsync(citizen, id, $"href=\"{link}\"");
        var download = await citizen.GetAsync(link, Ct);
        var casePage = WebUtility.HtmlDecode(await caseworker.GetStringAsync($"/staff/cases/{id}", Ct));
        var staffDownload = await caseworker.GetAsync(staffLink, Ct);

        Assert.Contains($"href=\"{link}\"", page, StringComparison.Ordinal);
        Assert.Contains("Zahlungsbestätigung (PDF)", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"href=\"{staffLink}\"", casePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, staffDownload.StatusCode);
        Assert.Equal(await download.Content.ReadAsByteArrayAsync(Ct), await staffDownload.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task TreasuryPage_ShowsTheDaysTotalsAndLines_WithTheCsvLink_ForStaffOnly()
    {
        using var api = await factory.CreateClientAsAsync("erika");
        var (id, reference) = await FileAsync(api);
        var payment = await (await api.PostAsync($"/api/v1/applications/{id}/payments", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var session = payment.GetProperty("checkoutUrl").GetString()!.Split('/')[^1];
        factory.Stripe.Complete(session);
        using var caseworker = await factory.SignedInBrowserAsync("caseworker");
        using var citizen = await factory.SignedInBrowserAsync("erika");
        await citizen.GetAsync($"/api/v1/payments/{payment.GetProperty("id").GetGuid()}/return?session_id={session}", Ct);
        var today = Egov.SharedKernel.Time.CivilTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var page = WebUtility.HtmlDecode(await caseworker.GetStringAsync($"/staff/kasse?day={today}", Ct));
        var empty = WebUtility.HtmlDecode(await caseworker.GetStringAsync("/staff/kasse?day=2001-01-01", Ct));
        var refused = await citizen.GetAsync("/staff/kasse", Ct);

        Assert.Contains("Tagesabschluss der Online-Zahlungen", page, StringComparison.Ordinal);
        Assert.Contains($"<input type=\"date\" id=\"day\" name=\"day\" value=\"{today}\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/v1/payments/reconciliation.csv?day={today}\"", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">stripe</th>", page, StringComparison.Ordinal);
        Assert.Contains($"<td>{reference}</td>", page, StringComparison.Ordinal);
        Assert.Contains("An diesem Tag wurde nichts gebucht.", empty, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task WorklistPage_FiltersByPaymentState_AndKeepsTheChoice()
    {
        using var api = await factory.CreateClientAsAsync("erika");
        var (paidId, paidReference) = await FileAsync(api);
        var (_, unpaidReference) = await FileAsync(api);
        var payment = await (await api.PostAsync($"/api/v1/applications/{paidId}/payments", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var session = payment.GetProperty("checkoutUrl").GetString()!.Split('/')[^1];
        factory.Stripe.Complete(session);
        using var citizen = await factory.SignedInBrowserAsync("erika");
        await citizen.GetAsync($"/api/v1/payments/{payment.GetProperty("id").GetGuid()}/return?session_id={session}", Ct);
        using var caseworker = await factory.SignedInBrowserAsync("caseworker");

        // Forms learns the payment through the outbox: wait until the worklist has it.
        var paid = await WorklistWhenAsync(caseworker, $"/staff/cases?payment=Paid&q={paidReference}", paidReference);
        var paidWithoutPayment = WebUtility.HtmlDecode(await caseworker.GetStringAsync($"/staff/cases?payment=None&q={paidReference}", Ct));
        var unpaid = WebUtility.HtmlDecode(await caseworker.GetStringAsync($"/staff/cases?payment=None&q={unpaidReference}", Ct));
        var unpaidAsPaid = WebUtility.HtmlDecode(await caseworker.GetStringAsync($"/staff/cases?payment=Paid&q={unpaidReference}", Ct));
        var unknownChoice = WebUtility.HtmlDecode(await caseworker.GetStringAsync($"/staff/cases?payment=Bezahlt&q={paidReference}", Ct));

        Assert.Contains($">{paidReference}</a>", paid, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Paid\" selected=\"selected\">Bezahlt</option>", paid, StringComparison.Ordinal);
        Assert.Contains("<label for=\"payment\">Zahlung der Gebühr</label>", paid, StringComparison.Ordinal);
        Assert.Contains("Keine Vorgänge gefunden.", paidWithoutPayment, StringComparison.Ordinal);
        Assert.Contains($">{unpaidReference}</a>", unpaid, StringComparison.Ordinal);
        Assert.Contains("<option value=\"None\" selected=\"selected\">Keine Zahlung begonnen</option>", unpaid, StringComparison.Ordinal);
        Assert.Contains("Keine Vorgänge gefunden.", unpaidAsPaid, StringComparison.Ordinal);

        // A value not among the choices is "all", as for the other filters.
        Assert.Contains($">{paidReference}</a>", unknownChoice, StringComparison.Ordinal);
        Assert.DoesNotContain("selected=\"selected\">Bezahlt", unknownChoice, StringComparison.Ordinal);
    }

    private static async Task<string> WorklistWhenAsync(HttpClient browser, string path, string text)
    {
        var html = "";
        for (var attempt = 0; attempt < 100 && !html.Contains(text + "</a>", StringComparison.Ordinal); attempt++)
        {
            html = WebUtility.HtmlDecode(await browser.GetStringAsync(path, Ct));
            if (!html.Contains(text + "</a>", StringComparison.Ordinal))
            {
                await Task.Delay(100, Ct);
            }
        }

        return html;
    }

    private static async Task<string> PageWhenAsync(HttpClient browser, Guid id, string text)
    {
        var html = "";
        for (var attempt = 0; attempt < 100 && !html.Contains(text, StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100, Ct);
            html = WebUtility.HtmlDecode(await browser.GetStringAsync($"/applications/{id}", Ct));
        }

        return html;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]*)\"")]
    private static partial Regex Token();

    /// <summary>A browser host (Kestrel on 127.0.0.1) paying through the fake Stripe.</summary>
    public sealed class Factory : BrowserHostFactory
    {
        public FakeStripe Stripe { get; } = new();

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await Stripe.StartAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Stripe.DisposeAsync();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Egov:Payments:Stripe:ApiBase", Stripe.BaseAddress.ToString());
            builder.UseSetting("Egov:Payments:Stripe:SecretKey", Stripe.SecretKey);
            builder.UseSetting("Egov:Payments:Stripe:WebhookSecret", Stripe.WebhookSecret);
        }
    }
}
