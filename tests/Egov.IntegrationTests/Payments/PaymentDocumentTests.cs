using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Egov.IntegrationTests.Identity;
using UglyToad.PdfPig;
using static Egov.IntegrationTests.Forms.Cases.Filing;
using static Egov.IntegrationTests.Payments.PaymentSteps;

namespace Egov.IntegrationTests.Payments;

/// <summary>
/// The payment on the documents (issue 26, ADR 0028): a fee paid before submission is printed on the
/// receipt from the values stored at submission; a fee paid after submission leaves the immutable
/// receipt saying it is payable, and gets a payment confirmation PDF of its own once the provider's
/// signed notification booked it. Texts are read back from the PDFs (PdfPig).
/// </summary>
public sealed partial class PaymentDocumentTests(PaymentsFactory factory) : IClassFixture<PaymentsFactory>
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Receipt_WhenPaidBeforeSubmission_ShowsAmountProviderReferenceAndBerlinTime_SameBytesEveryDownload()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        using var erika = await factory.CreateClientAsAsync("erika");
        var key = await PublishPayBeforeFormAsync(admin);
        var draft = await DraftReadyToSubmitAsync(erika, key);
        var payment = await StartAsync(erika, draft);
        await NotifyAsync(factory, factory.Stripe.Notification("checkout.session.completed", factory.Stripe.Complete(SessionId(payment))));
        var submitted = await erika.PostAsync($"/api/v1/applications/{draft}/submit", null, Ct);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var paid = (await PaymentsOf(erika, draft)).Single();

        var first = await ReceiptAsync(erika, draft);
        var second = await ReceiptAsync(erika, draft);

        Assert.Equal(first, second);
        var text = Squeezed(Text(first));
        var reference = (string)factory.Stripe.Session(SessionId(payment))["payment_intent"]!;
        Assert.Equal(reference, paid.GetProperty("providerReference").GetString());
        Assert.Contains(Squeezed($"30,70 EUR bezahlt am {BerlinTime(paid.GetProperty("paidAt").GetDateTimeOffset())} Uhr"), text, StringComparison.Ordinal);
        Assert.Contains(Squeezed($"über Stripe, Referenz {reference}"), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Squeezed("zahlbar nach Eingang"), text, StringComparison.Ordinal);
        var application = await erika.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{draft}", Ct);
        Assert.Equal(JsonValueKind.Null, application.GetProperty("payment").GetProperty("confirmationUrl").ValueKind);
    }

    [Fact]
    public async Task Receipt_WhenPaidAfterSubmission_SaysPayableAndClaimsNoPayment_AndStaysTheSameAfterPaying()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, _) = await FileAsync(erika);
        var before = await ReceiptAsync(erika, id);

        var payment = await StartAsync(erika, id);
        await NotifyAsync(factory, factory.Stripe.Notification("checkout.session.completed", factory.Stripe.Complete(SessionId(payment))));
        await WaitUntilAsync(async () => await ConfirmationUrlAsync(erika, id) is not null);
        var after = await ReceiptAsync(erika, id);

        var text = Squeezed(Text(before));
        Assert.Contains(Squeezed("30,70 EUR"), text, StringComparison.Ordinal);
        Assert.Contains(Squeezed("zahlbar nach Eingang des Antrags; der Zahlungsstand steht auf der Seite des Antrags"), text, StringComparison.Ordinal);
        Assert.DoesNotContain("bezahltam", text, StringComparison.Ordinal);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task PaymentConfirmation_AfterTheSignedNotification_ShowsAmountReferenceAndTime_ForApplicantAndStaff_AndVerifies()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var max = await factory.CreateClientAsAsync("max");
        using var anonymous = factory.CreateClient();
        using var caseworker = await factory.CreateClientAsAsync("caseworker");
        var (id, referenceNumber) = await FileAsync(erika);
        var payment = await StartAsync(erika, id);
        var paymentId = payment.GetProperty("id").GetGuid();
        var beforePaying = await erika.GetAsync($"/api/v1/applications/{id}/payment-confirmations/{paymentId}", Ct);

        await NotifyAsync(factory, factory.Stripe.Notification("checkout.session.completed", factory.Stripe.Complete(SessionId(payment))));
        await WaitUntilAsync(async () => await ConfirmationUrlAsync(erika, id) is not null);
        var url = await ConfirmationUrlAsync(erika, id);
        var first = await erika.GetAsync(url, Ct);
        var second = await erika.GetAsync(url, Ct);
        var (caseDetail, _) = await GetCaseAsync(caseworker, id);
        var staffUrl = caseDetail.GetProperty("payment").GetProperty("confirmationUrl").GetString()!;
        var staff = await caseworker.GetAsync(staffUrl, Ct);
        var stranger = await max.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.NotFound, beforePaying.StatusCode);
        Assert.Equal($"/api/v1/applications/{id}/payment-confirmations/{paymentId}", url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/pdf", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"Zahlungsbestätigung-{referenceNumber}.pdf", first.Content.Headers.ContentDisposition?.FileNameStar);
        var pdf = await first.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(pdf, await second.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal($"/api/v1/cases/{id}/payment-confirmations/{paymentId}", staffUrl);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.Equal(pdf, await staff.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);

        var paid = (await PaymentsOf(erika, id)).Single();
        var text = Text(pdf);
        var squeezed = Squeezed(text);
        Assert.Contains("Zahlungsbestätigung", text, StringComparison.Ordinal);
        Assert.Contains(referenceNumber, text, StringComparison.Ordinal);
        Assert.Contains(Squeezed("30,70 EUR"), squeezed, StringComparison.Ordinal);
        Assert.Contains(Squeezed(BerlinTime(paid.GetProperty("paidAt").GetDateTimeOffset())), squeezed, StringComparison.Ordinal);
        Assert.Contains((string)factory.Stripe.Session(SessionId(payment))["payment_intent"]!, text, StringComparison.Ordinal);
        Assert.Contains("Stripe", text, StringComparison.Ordinal);

        var fingerprint = Fingerprint().Match(text).Value;
        var check = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/receipts/verify?reference={referenceNumber}&fingerprint={fingerprint}", Ct);
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/receipts/verify?reference={referenceNumber}&fingerprint={fingerprint}", Ct));
        Assert.True(check.GetProperty("valid").GetBoolean(), check.ToString());
        Assert.Equal("paymentConfirmation", check.GetProperty("document").GetString());
        Assert.Contains("Diese Zahlungsbestätigung wurde so ausgestellt", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubjectAccessExport_HoldsThePaymentConfirmation_AsDownloaded()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, referenceNumber) = await FileAsync(erika);
        var payment = await StartAsync(erika, id);
        await NotifyAsync(factory, factory.Stripe.Notification("checkout.session.completed", factory.Stripe.Complete(SessionId(payment))));
        await WaitUntilAsync(async () => await ConfirmationUrlAsync(erika, id) is not null);
        var downloaded = await erika.GetByteArrayAsync(await ConfirmationUrlAsync(erika, id), Ct);

        using var response = await erika.GetAsync("/api/v1/me/data-export", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(Ct));
        JsonElement manifest;
        await using (var stream = await zip.GetEntry("manifest.json")!.OpenAsync(Ct))
        {
            manifest = (await JsonDocument.ParseAsync(stream, cancellationToken: Ct)).RootElement.Clone();
        }

        var application = manifest.GetProperty("modules").GetProperty("forms").GetProperty("applications").EnumerateArray()
            .Single(a => a.GetProperty("referenceNumber").GetString() == referenceNumber);
        var confirmation = Assert.Single(application.GetProperty("paymentConfirmations").EnumerateArray());
        Assert.Equal(3070, confirmation.GetProperty("amountCents").GetInt64());
        Assert.Equal($"forms/{referenceNumber}/payment-confirmations/{payment.GetProperty("id").GetGuid():N}.pdf", confirmation.GetProperty("path").GetString());
        await using var pdf = await zip.GetEntry(confirmation.GetProperty("path").GetString()!)!.OpenAsync(Ct);
        using var bytes = new MemoryStream();
        await pdf.CopyToAsync(bytes, Ct);
        Assert.Equal(downloaded, bytes.ToArray());
    }

    private static async Task<byte[]> ReceiptAsync(HttpClient citizen, Guid applicationId)
    {
        var response = await citizen.GetAsync($"/api/v1/applications/{applicationId}/receipt", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    private static async Task<string?> ConfirmationUrlAsync(HttpClient citizen, Guid applicationId) =>
        (await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{applicationId}", Ct)).GetProperty("payment") is { ValueKind: JsonValueKind.Object } payment
            ? payment.GetProperty("confirmationUrl").GetString()
            : null;

    /// <summary>The instant in Europe/Berlin as the documents print it, e.g. <c>07.12.2026, 14:03:05</c>.</summary>
    private static string BerlinTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Berlin).ToString("dd.MM.yyyy, HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => p.Text));
    }

    /// <summary>Without white space: a long value wraps onto the next line wherever the typesetter breaks it.</summary>
    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex Fingerprint();
}
