using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Egov.IntegrationTests.Identity;
using Egov.Testing;
using Microsoft.AspNetCore.Hosting;
using UglyToad.PdfPig;
using static Egov.IntegrationTests.Forms.Cases.Filing;

namespace Egov.IntegrationTests.Forms.Cases;

/// <summary>The receipt issued at submission: download, same bytes every time, staff access, verification.</summary>
public sealed partial class ReceiptEndpointTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    [Fact]
    public async Task Receipt_IsAPdfWithTheReferenceAndFingerprint_SameBytesEveryTime_AndNamedInAsciiAndUtf8()
    {
        var ct = TestContext.Current.CancellationToken;
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, reference) = await FileAsync(erika);

        var first = await erika.GetAsync($"/api/v1/applications/{id}/receipt", ct);
        var second = await erika.GetAsync($"/api/v1/applications/{id}/receipt", ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/pdf", first.Content.Headers.ContentType?.MediaType);
        var bytes = await first.Content.ReadAsByteArrayAsync(ct);
        Assert.Equal(bytes, await second.Content.ReadAsByteArrayAsync(ct));
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        var disposition = first.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal($"Eingangsbestaetigung-{reference}.pdf", disposition.FileName?.Trim('"'));
        Assert.Equal($"Eingangsbestätigung-{reference}.pdf", disposition.FileNameStar);

        var text = Text(bytes);
        Assert.Contains(reference, text, StringComparison.Ordinal);
        Assert.Contains("Eingangsbestätigung", text, StringComparison.Ordinal);
        Assert.Matches(Fingerprint(), text);
    }

    [Fact]
    public async Task Receipt_WithIfNoneMatch_Is304()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, _) = await FileAsync(erika);
        var first = await erika.GetAsync($"/api/v1/applications/{id}/receipt", TestContext.Current.CancellationToken);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/applications/{id}/receipt");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var again = await erika.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task Receipt_IsForTheApplicantAndTheDepartmentOnly()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var max = await factory.CreateClientAsAsync("max");
        using var clara = await factory.CreateClientAsAsync("caseworker");
        using var karl = await factory.CreateClientAsAsync("caseworker2");
        var (id, _) = await FileAsync(erika);
        var own = await (await erika.GetAsync($"/api/v1/applications/{id}/receipt", TestContext.Current.CancellationToken)).Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        var otherCitizen = await max.GetAsync($"/api/v1/applications/{id}/receipt", TestContext.Current.CancellationToken);
        var caseworker = await clara.GetAsync($"/api/v1/cases/{id}/receipt", TestContext.Current.CancellationToken);
        var otherDepartment = await karl.GetAsync($"/api/v1/cases/{id}/receipt", TestContext.Current.CancellationToken);
        var anonymous = await factory.CreateClient().GetAsync($"/api/v1/applications/{id}/receipt", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, otherCitizen.StatusCode);
        Assert.Equal(HttpStatusCode.OK, caseworker.StatusCode);
        Assert.Equal(own, await caseworker.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.NotFound, otherDepartment.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Verify_IsTrueForTheRealPair_FalseForAChangedFingerprintOrReference_AndSaysNothingPersonal()
    {
        var ct = TestContext.Current.CancellationToken;
        var (reference, fingerprint, changed) = await IssuedReceiptAsync();
        using var anonymous = factory.CreateClient();

        var real = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/receipts/verify?reference={reference}&fingerprint={fingerprint}", ct);
        var forged = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/receipts/verify?reference={reference}&fingerprint={changed}", ct);
        var otherReference = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/receipts/verify?reference=EGOV-1999-000001&fingerprint={fingerprint}", ct);

        Assert.True(real.GetProperty("valid").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, real.GetProperty("issuedAt").ValueKind);
        Assert.DoesNotContain("Mustermann", real.GetRawText(), StringComparison.Ordinal);
        Assert.False(forged.GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, forged.GetProperty("issuedAt").ValueKind);
        Assert.False(otherReference.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Verify_FromABrowserScanningTheQrCode_AnswersAPageSayingValidOrNotValidInWords()
    {
        var ct = TestContext.Current.CancellationToken;
        var (reference, fingerprint, changed) = await IssuedReceiptAsync();
        using var phone = factory.CreateClient();
        phone.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        phone.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE");

        var real = await phone.GetAsync($"/api/v1/receipts/verify?reference={reference}&fingerprint={fingerprint}", ct);
        var forged = await phone.GetAsync($"/api/v1/receipts/verify?reference={reference}&fingerprint={changed}", ct);

        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        Assert.Equal("text/html", real.Content.Headers.ContentType?.MediaType);
        var realPage = WebUtility.HtmlDecode(await real.Content.ReadAsStringAsync(ct));
        Assert.Contains("<h2>Gültig</h2>", realPage, StringComparison.Ordinal);
        Assert.Contains(reference, realPage, StringComparison.Ordinal);
        Assert.Contains("Ausgestellt am", realPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Mustermann", realPage, StringComparison.Ordinal);
        var forgedPage = WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync(ct));
        Assert.Contains("<h2>Nicht gültig</h2>", forgedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Ausgestellt am", forgedPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_FromABrowserWithAMalformedFingerprint_NamesTheFieldOnThePage()
    {
        using var phone = factory.CreateClient();
        phone.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        phone.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var response = await phone.GetAsync("/api/v1/receipts/verify?reference=EGOV-2026-000001&fingerprint=xyz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("id=\"fingerprint-error\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"reference-error\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reference=EGOV-2026-000001&fingerprint=xyz", "fingerprint")]
    [InlineData("fingerprint=0000000000000000000000000000000000000000000000000000000000000000", "reference")]
    public async Task Verify_WithBadInput_Is400NamingTheField(string query, string field)
    {
        using var anonymous = factory.CreateClient();

        var response = await anonymous.GetAsync($"/api/v1/receipts/verify?{query}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    /// <summary>Erika files an application; its reference number, the fingerprint printed on the receipt, and that fingerprint with one digit changed.</summary>
    private async Task<(string Reference, string Fingerprint, string Changed)> IssuedReceiptAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, reference) = await FileAsync(erika);
        var pdf = await (await erika.GetAsync($"/api/v1/applications/{id}/receipt", ct)).Content.ReadAsByteArrayAsync(ct);
        var fingerprint = Fingerprint().Match(Text(pdf)).Value;
        return (reference, fingerprint, (fingerprint[0] == 'a' ? "b" : "a") + fingerprint[1..]);
    }

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => p.Text));
    }

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex Fingerprint();
}

/// <summary>The anonymous verification is rate-limited per client address.</summary>
public sealed class ReceiptVerificationRateLimitTests(ReceiptVerificationRateLimitTests.Factory factory) : IClassFixture<ReceiptVerificationRateLimitTests.Factory>
{
    [Fact]
    public async Task Verify_IsRateLimited_With429AndRetryAfter()
    {
        using var anonymous = factory.CreateClient();

        // Guessing: a new fingerprint each time, as someone trying to find a valid receipt would.
        // (The same question asked again is answered from the read cache: it reveals nothing new.)
        static string Url(int guess) => "/api/v1/receipts/verify?reference=EGOV-2026-999999&fingerprint=" +
            guess.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < Factory.Limit + 25 && limited is null; i++)
        {
            var response = await anonymous.GetAsync(Url(i), TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            limited = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(limited);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) <= Factory.Limit);
    }

    /// <summary>The host with a low verification limit, so the limit is reached quickly.</summary>
    public sealed class Factory : EgovApplicationFactory
    {
        public const int Limit = 5;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Egov:Receipts:VerificationsPerMinute", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
