using Microsoft.Playwright;

namespace Egov.BrowserTests;

/// <summary>
/// Erika files the Hundesteuer-Anmeldung in the browser, from the form catalog to the confirmation:
/// login, the steps with a server-side error, the conditional section for listed breeds, two
/// attachments, submission. axe checks every page on the way. Used by the filing and the case tests.
/// </summary>
internal static class Filing
{
    /// <summary>A small valid PDF for uploads.</summary>
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    /// <summary>Files the form as <c>erika</c> (signing in on the way) and returns the reference number; the page shows the confirmation.</summary>
    /// <param name="page">A page of a fresh browser context.</param>
    /// <param name="screenshots">Whether to save the documentation's screenshots of the filing path.</param>
    public static async Task<string> FileDogTaxAsync(IPage page, bool screenshots = false)
    {
        await page.GotoAsync("/forms");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshot(page, screenshots, "forms");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hundesteuer-Anmeldung" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Hundesteuer-Anmeldung", Level = 1 }).WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Anmelden und Antrag starten" }).ClickAsync();
        await page.Locator("#username").WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#username").FillAsync("erika");
        await page.Locator("#password").FillAsync("erika");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();

        // One click: the sign-in lands in the started application, not back on the start page.
        // DOMContentLoaded, not load: after the OIDC redirect chain Chromium's load event can stall on a loaded machine (a CI run waited 120 s).
        await page.WaitForURLAsync("**/applications/*/edit", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.GetByRole(AriaRole.Heading, new() { Name = "Halterin oder Halter", Level = 1 }).WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        // Step 1 with a mistake: the server names it next to the field and in the summary.
        await page.Locator("#f-holder-familyName").FillAsync("");
        await page.Locator("#f-holder-givenNames").FillAsync("Erika");
        await page.Locator("#f-holder-dateOfBirth").FillAsync("12.08.1984");
        await page.Locator("#f-holder-address-street").FillAsync("Heidestraße");
        await page.Locator("#f-holder-address-houseNumber").FillAsync("17");
        await page.Locator("#f-holder-address-postalCode").FillAsync("58507");
        await page.Locator("#f-holder-address-city").FillAsync("Lüdenscheid");
        await page.Locator("#f-holder-otherDogsCount").FillAsync("0");
        await Next(page);
        var summary = page.Locator(".error-summary");
        await summary.WaitForAsync();
        Assert.Contains("Familienname", await summary.InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#f-holder-familyName-error").WaitForAsync();
        Assert.Equal("true", await page.Locator("#f-holder-familyName").GetAttributeAsync("aria-invalid"));
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshot(page, screenshots, "form-errors");
        await page.Locator("#f-holder-familyName").FillAsync("Mustermann");
        await Next(page);

        // Step 2: a listed breed makes the proof-of-competence section appear (no JavaScript needed).
        await page.GetByRole(AriaRole.Heading, new() { Name = "Hund", Level = 1 }).WaitForAsync();
        Assert.Equal(0, await page.Locator("#f-competenceProof-issuer").CountAsync());
        await page.Locator("#f-dog-name").FillAsync("Bella");
        await page.Locator("#f-dog-breed").FillAsync("Staffordshire-Mischling");
        await page.GetByLabel("Hündin").CheckAsync();
        await page.Locator("#f-dog-dateOfBirth").FillAsync("01.03.2024");
        await page.Locator("fieldset:has(legend:text('Gehört der Hund zu einer gelisteten Rasse?'))").GetByLabel("Ja").CheckAsync();
        await page.Locator("#f-dog-microchipNumber").FillAsync("276098100123456");
        await Next(page);
        await page.Locator("#f-competenceProof-issuer").WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshot(page, screenshots, "form-conditional-section");
        await page.Locator("#f-competenceProof-proofType-0").CheckAsync();
        await page.Locator("#f-competenceProof-issuer").FillAsync("Tierärztliche Praxis Dr. Weber");
        await page.Locator("#f-competenceProof-issueDate").FillAsync("15.10.2026");
        await Next(page);

        // Step 3: the reason "acquisition" shows the optional previous owner.
        await page.GetByRole(AriaRole.Heading, new() { Name = "Haltung", Level = 1 }).WaitForAsync();
        await page.Locator("#f-keeping-startDate").FillAsync("01.11.2026");
        await page.Locator("#f-keeping-reason-0").CheckAsync();
        await Next(page);
        await page.Locator("#f-keeping-previousOwner-name").WaitForAsync();
        await page.Locator("#f-keeping-previousOwner-name").FillAsync("Tierheim Lüdenscheid");
        await Next(page);

        // Step 4.
        await page.GetByRole(AriaRole.Heading, new() { Name = "Versicherung und Abschluss", Level = 1 }).WaitForAsync();
        await page.Locator("#f-insurance-insurer").FillAsync("Musterversicherung AG");
        await page.Locator("#f-insurance-policyNumber").FillAsync("HV-2026-4711");
        await page.Locator("#f-declarations-truthful").CheckAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Next(page);

        // Documents: the proof of competence is asked for because of the listed breed.
        await page.GetByRole(AriaRole.Heading, new() { Name = "Unterlagen und Absenden", Level = 1 }).WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        foreach (var slot in new[] { "insurance-certificate", "competence-proof" })
        {
            await page.Locator($"#slot-{slot}").SetInputFilesAsync(new FilePayload { Name = $"{slot}.pdf", MimeType = "application/pdf", Buffer = Pdf });
            await page.Locator($"form:has(#slot-{slot}) button").ClickAsync();
            await page.GetByText($"{slot}.pdf").WaitForAsync();
        }

        await Screenshot(page, screenshots, "form-documents");
        await page.GetByRole(AriaRole.Button, new() { Name = "Antrag verbindlich absenden" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Ihr Antrag ist eingegangen" }).WaitForAsync();
        var reference = await page.Locator(".notice strong").InnerTextAsync();
        Assert.Matches(@"^EGOV-\d{4}-\d{6}$", reference);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshot(page, screenshots, "application-submitted");

        return reference;
    }

    /// <summary>"Speichern und weiter": saves the step and goes on (or stays, showing errors or a section that appeared).</summary>
    public static Task Next(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Speichern und weiter" }).ClickAsync();

    private static Task Screenshot(IPage page, bool save, string name) => save ? Screenshots.SaveAsync(page, name) : Task.CompletedTask;
}
