using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Playwright;

namespace Egov.BrowserTests;

/// <summary>
/// The fee paid online, in the browser: Erika files the Bewohnerparkausweis (30,70 € for one vehicle),
/// starts the payment on her application page, pays on the fake Stripe's hosted page (which sends the
/// signed notification and sends her back), and reads "bezahlt" with the provider's reference. Clara,
/// a caseworker of the finance department, finds the payment on the treasury page through the staff
/// start page and the case through the worklist's payment filter. axe checks the payment step and
/// the staff pages.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PaymentTests(PortalHost host)
{
    [Fact]
    public async Task Citizen_PaysTheParkingPermitOnTheHostedPage_SeesBezahlt_TreasuryShowsIt()
    {
        var erika = await host.NewPageAsync();
        // Unique data in the shared host: a registration number no other test uses.
        var plate = "MK-EP " + RandomNumberGenerator.GetInt32(1, 10_000).ToString(CultureInfo.InvariantCulture);
        var reference = await FileParkingPermitAsync(erika, plate);

        // The payment step on the application page.
        var fee = erika.Locator("section.payment");
        Assert.Contains("30,70 €", await fee.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("noch nicht bezahlt", await fee.Locator(".payment-state").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(erika);
        await erika.GetByRole(AriaRole.Button, new() { Name = "Gebühr online bezahlen" }).ClickAsync();
        var toCheckout = erika.GetByRole(AriaRole.Link, new() { Name = "Weiter zur Bezahlseite" });
        await toCheckout.WaitForAsync();
        var checkoutUrl = await toCheckout.GetAttributeAsync("href") ?? "";
        Assert.StartsWith(host.Stripe.BaseAddress + "pay/cs_test_", checkoutUrl, StringComparison.Ordinal);
        var sessionId = checkoutUrl[(checkoutUrl.LastIndexOf('/') + 1)..];
        await Accessibility.AssertNoViolationsAsync(erika);

        // The provider's hosted page (the fake Stripe on its own port): pay, and back to the portal.
        await toCheckout.ClickAsync();
        await erika.GetByRole(AriaRole.Heading, new() { Name = "Bezahlen: 30,70 EUR" }).WaitForAsync();
        await erika.GetByRole(AriaRole.Button, new() { Name = "Bezahlen" }).ClickAsync();
        await erika.WaitForURLAsync(url => new Uri(url).Authority == host.PublicBaseAddress.Authority && url.EndsWith("?payment=Paid", StringComparison.Ordinal));
        Assert.Equal(200, host.Stripe.WebhookAnswers[^1]);

        // Forms learns the payment through the outbox: the page shows it at the latest after a reload or two.
        var state = fee.Locator(".payment-state");
        for (var attempt = 0; attempt < 60 && await state.InnerTextAsync() != "bezahlt"; attempt++)
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
            await erika.ReloadAsync();
        }

        Assert.Equal("bezahlt", await state.InnerTextAsync());
        var paymentIntent = (string)host.Stripe.Session(sessionId)["payment_intent"]!;
        var paidText = await fee.InnerTextAsync();
        Assert.Contains("30,70 €", paidText, StringComparison.Ordinal);
        Assert.Contains(paymentIntent, paidText, StringComparison.Ordinal);
        Assert.Equal(0, await erika.GetByRole(AriaRole.Button, new() { Name = "Gebühr online bezahlen" }).CountAsync());
        await Accessibility.AssertNoViolationsAsync(erika);

        // Clara (caseworker, departments public-order and finance): the treasury page from the staff start page.
        var clara = await host.NewPageAsync();
        await DevelopmentLogin.SignInAsync(clara, "caseworker", "/staff");
        await clara.GetByRole(AriaRole.Link, new() { Name = "Tagesabschluss der Online-Zahlungen (Stadtkasse)" }).ClickAsync();
        await clara.GetByRole(AriaRole.Heading, new() { Name = "Tagesabschluss der Online-Zahlungen", Level = 1 }).WaitForAsync();
        var line = clara.Locator("tr", new() { HasText = reference });
        await line.WaitForAsync();
        Assert.Contains("30,70", await line.InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(clara);

        // The worklist's payment filter finds the paid case.
        await clara.GotoAsync("/staff/cases");
        await clara.Locator("#q").FillAsync(reference);
        await clara.Locator("#payment").SelectOptionAsync("Paid");
        await clara.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        await clara.Locator("tbody tr", new() { HasText = reference }).WaitForAsync();
        Assert.Equal("Paid", await clara.Locator("#payment").InputValueAsync());
        await Accessibility.AssertNoViolationsAsync(clara);
        await clara.Locator("#payment").SelectOptionAsync("None");
        await clara.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        await clara.GetByText("Keine Vorgänge gefunden.").WaitForAsync();
    }

    /// <summary>Files the resident parking permit as <c>erika</c> (signing in on the way) for the vehicle <paramref name="plate"/>; returns the reference number. The page shows the application.</summary>
    private static async Task<string> FileParkingPermitAsync(IPage page, string plate)
    {
        await page.GotoAsync("/forms");
        await page.GetByRole(AriaRole.Link, new() { Name = "Bewohnerparkausweis" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Bewohnerparkausweis", Level = 1 }).WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Anmelden und Antrag starten" }).ClickAsync();
        await page.Locator("#username").FillAsync("erika");
        await page.Locator("#password").FillAsync("erika");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.WaitForURLAsync("**/applications/*/edit", new() { WaitUntil = WaitUntilState.DOMContentLoaded });

        await page.GetByRole(AriaRole.Heading, new() { Name = "Antragstellerin oder Antragsteller", Level = 1 }).WaitForAsync();
        await page.Locator("#f-applicant-familyName").FillAsync("Mustermann");
        await page.Locator("#f-applicant-givenNames").FillAsync("Erika");
        await page.Locator("#f-applicant-address-street").FillAsync("Heidestraße");
        await page.Locator("#f-applicant-address-houseNumber").FillAsync("17");
        await page.Locator("#f-applicant-address-postalCode").FillAsync("58507");
        await page.Locator("#f-applicant-address-city").FillAsync("Lüdenscheid");
        await page.Locator("#f-applicant-residenceType-0").CheckAsync();
        await Filing.Next(page);

        await page.GetByRole(AriaRole.Heading, new() { Name = "Parkausweis", Level = 1 }).WaitForAsync();
        await page.Locator("#f-permit-zone-0").CheckAsync();
        await page.Locator("#f-permit-validFrom").FillAsync(DateTime.UtcNow.AddDays(7).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        await Filing.Next(page);

        await page.GetByRole(AriaRole.Heading, new() { Name = "Fahrzeug", Level = 1 }).WaitForAsync();
        await page.Locator("#f-vehicle-registrationNumber").FillAsync(plate);
        await page.Locator("#f-vehicle-makeAndModel").FillAsync("VW Golf");
        await page.Locator("#f-vehicle-permissibleMassKg").FillAsync("1830");
        await page.Locator("#f-vehicle-isVehicleHolder-0").CheckAsync();
        await Filing.Next(page);

        await page.GetByRole(AriaRole.Heading, new() { Name = "Erklärungen", Level = 1 }).WaitForAsync();
        await page.Locator("#f-declarations-noPrivateParking").CheckAsync();
        await page.Locator("#f-declarations-noOtherPermit").CheckAsync();
        await page.Locator("#f-declarations-truthful").CheckAsync();
        await Filing.Next(page);

        await page.GetByRole(AriaRole.Heading, new() { Name = "Unterlagen und Absenden", Level = 1 }).WaitForAsync();
        const string slot = "vehicle-registration-certificate";
        await page.Locator($"#slot-{slot}").SetInputFilesAsync(new FilePayload { Name = $"{slot}.pdf", MimeType = "application/pdf", Buffer = Filing.Pdf });
        await page.Locator($"form:has(#slot-{slot}) button").ClickAsync();
        await page.GetByText($"{slot}.pdf").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Antrag verbindlich absenden" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Ihr Antrag ist eingegangen" }).WaitForAsync();
        return await page.Locator(".notice strong").InnerTextAsync();
    }
}
