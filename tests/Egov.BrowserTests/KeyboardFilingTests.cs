using Microsoft.Playwright;

namespace Egov.BrowserTests;

/// <summary>
/// Filing with the keyboard only: focus moves with Tab, buttons and links are activated with Enter,
/// radio buttons, check boxes and the file input with Space; text is typed. No mouse, no
/// <c>Fill</c>/<c>Click</c>: if the focus order skipped a field or a control could not be reached,
/// the test fails.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class KeyboardFilingTests(PortalHost host)
{
    [Fact]
    public async Task Citizen_FilesDogTax_WithTheKeyboardOnly()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/forms/hundesteuer-anmeldung");

        // The skip link is the first stop and leads to the content.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("() => document.activeElement.className"));

        await TabToAsync(page, "el => el.textContent.trim() === 'Anmelden und Antrag starten'");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#username").WaitForAsync();
        await TabToAsync(page, "el => el.id === 'username'");
        await page.Keyboard.TypeAsync("erika");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("erika");
        await page.Keyboard.PressAsync("Enter");

        await page.GetByRole(AriaRole.Heading, new() { Name = "Halterin oder Halter", Level = 1 }).WaitForAsync();

        await TypeAsync(page, "f-holder-familyName", "Mustermann");
        await TypeAsync(page, "f-holder-givenNames", "Erika");
        await TypeAsync(page, "f-holder-dateOfBirth", "12.08.1984");
        await TypeAsync(page, "f-holder-address-street", "Heidestraße");
        await TypeAsync(page, "f-holder-address-houseNumber", "17");
        await TypeAsync(page, "f-holder-address-postalCode", "58507");
        await TypeAsync(page, "f-holder-address-city", "Lüdenscheid");
        await TypeAsync(page, "f-holder-otherDogsCount", "1");
        await NextAsync(page, "Hund");

        await TypeAsync(page, "f-dog-breed", "Bullterrier");
        await SpaceAsync(page, "f-dog-sex-0");
        await TypeAsync(page, "f-dog-dateOfBirth", "01.03.2024");
        await SpaceAsync(page, "f-dog-listedBreed-0");
        await TypeAsync(page, "f-dog-microchipNumber", "276098100654321");
        await PressNextAsync(page);
        await page.Locator("#f-competenceProof-issuer").WaitForAsync();
        await SpaceAsync(page, "f-competenceProof-proofType-0");
        await TypeAsync(page, "f-competenceProof-issuer", "Hundeschule am Park");
        await TypeAsync(page, "f-competenceProof-issueDate", "15.10.2026");
        await NextAsync(page, "Haltung");

        await TypeAsync(page, "f-keeping-startDate", "01.11.2026");
        await SpaceAsync(page, "f-keeping-reason-0");
        await PressNextAsync(page);
        await page.Locator("#f-keeping-previousOwner-name").WaitForAsync();
        await NextAsync(page, "Versicherung und Abschluss");

        await TypeAsync(page, "f-insurance-insurer", "Musterversicherung AG");
        await TypeAsync(page, "f-insurance-policyNumber", "HV-2026-0815");
        await SpaceAsync(page, "f-declarations-truthful");
        await NextAsync(page, "Unterlagen und Absenden");

        foreach (var slot in new[] { "insurance-certificate", "competence-proof" })
        {
            await TabToAsync(page, $"el => el.id === 'slot-{slot}'");
            var chooser = await OpenFileChooserWithSpaceAsync(page, $"slot-{slot}");
            await chooser.SetFilesAsync(new FilePayload { Name = $"{slot}.pdf", MimeType = "application/pdf", Buffer = Filing.Pdf });
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Enter");
            await page.GetByText($"{slot}.pdf").WaitForAsync();
        }

        await TabToAsync(page, "el => el.textContent.trim() === 'Antrag verbindlich absenden'");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Ihr Antrag ist eingegangen" }).WaitForAsync();
        Assert.Matches(@"^EGOV-\d{4}-\d{6}$", await page.Locator(".notice strong").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    /// <summary>Presses Tab until the focused element matches; fails when it is never reached.</summary>
    private static async Task TabToAsync(IPage page, string predicate)
    {
        for (var i = 0; i < 120; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"() => {{ const el = document.activeElement; return !!el && ({predicate})(el); }}"))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached the element matching {predicate} on {page.Url}.");
    }

    /// <summary>Tabs to the field and types the value unless the login already prefilled one.</summary>
    private static async Task TypeAsync(IPage page, string id, string value)
    {
        await TabToAsync(page, $"el => el.id === '{id}'");
        if (await page.EvaluateAsync<string>("() => document.activeElement.value") == "")
        {
            await page.Keyboard.TypeAsync(value);
        }
    }

    private static async Task SpaceAsync(IPage page, string id)
    {
        await TabToAsync(page, $"el => el.id === '{id}'");
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.Locator($"#{id}").IsCheckedAsync(), $"Space did not select #{id}");
    }

    /// <summary>
    /// Presses Space on the focused file input and returns the file chooser it opens. Once in CI the
    /// chooser event never came for a press on the focused input (not reproduced in a dozen runs under
    /// full CPU load), so a press that opened nothing within 20 s is repeated — at most three presses,
    /// each checked to land on the input; a control that Space cannot open still fails the test.
    /// </summary>
    private static async Task<IFileChooser> OpenFileChooserWithSpaceAsync(IPage page, string id)
    {
        for (var attempt = 1; ; attempt++)
        {
            Assert.Equal(id, await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''"));
            try
            {
                return await page.RunAndWaitForFileChooserAsync(
                    () => page.Keyboard.PressAsync("Space"),
                    new() { Timeout = 20_000 });
            }
            catch (TimeoutException) when (attempt < 3)
            {
                // Retried below; the assertion above proves the focus did not move meanwhile.
            }
        }
    }

    private static async Task PressNextAsync(IPage page)
    {
        await TabToAsync(page, "el => el.name === 'move' && el.value === 'next'");
        await page.Keyboard.PressAsync("Enter");
    }

    private static async Task NextAsync(IPage page, string nextStep)
    {
        await PressNextAsync(page);
        await page.GetByRole(AriaRole.Heading, new() { Name = nextStep, Level = 1, Exact = true }).WaitForAsync();
    }
}
