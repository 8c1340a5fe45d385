using System.Globalization;
using Microsoft.Playwright;

namespace Egov.BrowserTests;

/// <summary>
/// A case from both sides in the browser: Erika files the Hundesteuer-Anmeldung; in another browser
/// context the caseworker Clara finds it in her worklist, takes it, asks for information (after a
/// refused empty request); Erika answers on her application page with a file; Clara's page is stale
/// now and says so; she writes a note and a message and approves with a reason; Erika sees
/// "Bewilligt", the reason and the message, not the note. axe checks every page state.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CaseHandlingTests(PortalHost host)
{
    [Fact]
    public async Task Caseworker_RequestsInformation_ApplicantAnswers_CaseworkerApproves()
    {
        var erika = await host.NewPageAsync();
        var reference = await Filing.FileDogTaxAsync(erika);
        var applicationPath = new Uri(erika.Url).AbsolutePath;

        // Clara signs in and finds the new, unassigned case in her worklist.
        var staff = await host.NewPageAsync();
        await DevelopmentLogin.SignInAsync(staff, "caseworker", "/staff/cases");
        await staff.GetByRole(AriaRole.Heading, new() { Name = "Vorgänge", Level = 1 }).WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(staff);
        await staff.Locator("#q").FillAsync(reference);
        await staff.Locator("#assignee").SelectOptionAsync("none");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        var row = staff.Locator("tbody tr", new() { HasText = reference });
        await row.WaitForAsync();
        Assert.Equal(1, await staff.Locator("tbody tr").CountAsync());
        var rowText = await row.InnerTextAsync();
        foreach (var expected in new[] { "Hundesteuer-Anmeldung", "Erika Mustermann", "Eingegangen", "niemand" })
        {
            Assert.Contains(expected, rowText, StringComparison.Ordinal);
        }

        Assert.Equal(reference, await staff.Locator("#q").InputValueAsync());
        await Accessibility.AssertNoViolationsAsync(staff);
        await Screenshots.SaveAsync(staff, "staff-worklist");

        // The case: only the moves the status allows.
        await row.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await staff.GetByRole(AriaRole.Heading, new() { Name = reference, Level = 1 }).WaitForAsync();
        Assert.Equal("Eingegangen", await staff.Locator(".case-status").InnerTextAsync());
        Assert.Equal(0, await staff.GetByRole(AriaRole.Button, new() { Name = "Entscheidung speichern" }).CountAsync());
        Assert.Contains("Staffordshire-Mischling", await staff.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(staff);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Mir zuweisen" }).ClickAsync();
        await staff.GetByText("Die Zuständigkeit ist gespeichert.").WaitForAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Bearbeitung beginnen" }).ClickAsync();
        await staff.Locator(".case-status", new() { HasText = "In Bearbeitung" }).WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(staff);

        // An information request without a message: the module's refusal at the field and in the summary.
        var answerBy = DateTime.UtcNow.AddDays(14).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        await staff.Locator("#info-answerBy").FillAsync(answerBy);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Nachforderung senden" }).ClickAsync();
        await staff.Locator(".error-summary").WaitForAsync();
        Assert.Equal("true", await staff.Locator("#info-message").GetAttributeAsync("aria-invalid"));
        await staff.Locator("#info-message-error").WaitForAsync();
        Assert.Equal(answerBy, await staff.Locator("#info-answerBy").InputValueAsync());
        await Accessibility.AssertNoViolationsAsync(staff);
        const string request = "Bitte laden Sie ein Foto des Impfpasses mit der Chipnummer hoch.";
        await staff.Locator("#info-message").FillAsync(request);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Nachforderung senden" }).ClickAsync();
        await staff.Locator(".case-status", new() { HasText = "Unterlagen nachgefordert" }).WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(staff);
        await Screenshots.SaveAsync(staff, "staff-case");

        // Erika answers on her application page, with a file.
        await erika.GotoAsync(applicationPath);
        await erika.GetByRole(AriaRole.Heading, new() { Name = "Wir benötigen noch Angaben oder Unterlagen" }).WaitForAsync();
        Assert.Contains(request, await erika.Locator(".information-request").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(erika);
        await Screenshots.SaveAsync(erika, "citizen-information-request");
        await erika.Locator("#answer-message").FillAsync("Anbei das Foto des Impfpasses.");
        await erika.Locator("#answer-files").SetInputFilesAsync(new FilePayload { Name = "impfpass.pdf", MimeType = "application/pdf", Buffer = Filing.Pdf });
        await erika.GetByRole(AriaRole.Button, new() { Name = "Antwort senden" }).ClickAsync();
        await erika.GetByText("Ihre Antwort ist eingegangen. Vielen Dank!").WaitForAsync();
        Assert.Equal(0, await erika.Locator(".information-request").CountAsync());
        await Accessibility.AssertNoViolationsAsync(erika);

        // Clara's page still shows the request: her next change is refused as stale, and the page shows the answer.
        await staff.Locator("#withdraw-reason").FillAsync("Nicht mehr nötig.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Zurücknehmen und weiter prüfen" }).ClickAsync();
        await staff.GetByText("Jemand anderes hat den Vorgang inzwischen geändert.").WaitForAsync();
        Assert.Equal("In Bearbeitung", await staff.Locator(".case-status").InnerTextAsync());
        Assert.Contains("Anbei das Foto des Impfpasses.", await staff.Locator(".case-requests").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(staff);
        var file = await staff.RunAndWaitForDownloadAsync(() => staff.GetByRole(AriaRole.Link, new() { Name = "impfpass.pdf" }).ClickAsync());
        Assert.Equal("impfpass.pdf", file.SuggestedFilename);

        // A note for colleagues and a message for Erika, then the decision with a reason.
        await staff.Locator("#note-body").FillAsync("Chipnummer mit dem Impfpass abgeglichen.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Notiz speichern" }).ClickAsync();
        await staff.GetByText("Die Nachricht ist gespeichert.").WaitForAsync();
        await staff.Locator("#message-body").FillAsync("Vielen Dank, Ihre Unterlagen sind vollständig.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Nachricht senden" }).ClickAsync();
        await staff.GetByText("Die Nachricht ist gespeichert.").WaitForAsync();
        Assert.Contains("Interne Notiz", await staff.Locator(".case-messages").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(staff);
        const string reason = "Die Hundesteuer wird ab dem 01.11.2026 festgesetzt; der Bescheid folgt per Post.";
        await staff.GetByLabel("Bewilligen").CheckAsync();
        await staff.Locator("#decision-reason").FillAsync(reason);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Entscheidung speichern" }).ClickAsync();
        await staff.Locator(".case-status", new() { HasText = "Bewilligt" }).WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(staff);

        // Erika sees the decision, its reason and the message, not the note; she writes back.
        await erika.ReloadAsync();
        await erika.GetByText("Bewilligt", new() { Exact = true }).First.WaitForAsync();
        Assert.Equal(reason, await erika.Locator(".decision-reason").InnerTextAsync());
        var thread = await erika.Locator(".case-messages").InnerTextAsync();
        Assert.Contains("Vielen Dank, Ihre Unterlagen sind vollständig.", thread, StringComparison.Ordinal);
        Assert.DoesNotContain("Chipnummer mit dem Impfpass", await erika.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(erika);
        await erika.Locator("#message-body").FillAsync("Danke für die schnelle Bearbeitung!");
        await erika.GetByRole(AriaRole.Button, new() { Name = "Nachricht senden" }).ClickAsync();
        await erika.GetByText("Ihre Nachricht ist gesendet.").WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(erika);

        // Bad input is no error page: a made-up cursor and filters, an unknown case.
        await staff.GotoAsync("/staff/cases?cursor=abc&overdue=maybe&status=Nope&assignee=x");
        await staff.Locator(".error-summary").WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(staff);
        var unknown = await staff.Context.APIRequest.GetAsync($"/staff/cases/{Guid.NewGuid()}");
        Assert.Equal(404, unknown.Status);
        await erika.Context.CloseAsync();
        await staff.Context.CloseAsync();
    }
}
