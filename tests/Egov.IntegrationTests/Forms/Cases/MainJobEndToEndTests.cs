using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Egov.IntegrationTests.Identity;
using MimeKit;
using static Egov.IntegrationTests.Forms.Cases.Filing;

namespace Egov.IntegrationTests.Forms.Cases;

/// <summary>
/// The main job end to end on real input: a citizen files the Bewohnerparkausweis with its
/// documents, a caseworker works the case to a decision through an information request, and the
/// citizen follows every step — by the API and by e-mail on a real SMTP server on 127.0.0.1.
/// </summary>
public sealed class MainJobEndToEndTests(MailingFactory factory) : IClassFixture<MailingFactory>
{
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Erika_Files_Caseworker_AsksForInformation_Erika_Answers_Caseworker_Approves()
    {
        var ct = TestContext.Current.CancellationToken;
        using var erika = await factory.CreateClientAsAsync("erika");
        using var clara = await factory.CreateClientAsAsync("caseworker");

        // 1. Erika files the resident parking permit with the form's real example data and documents.
        var (id, reference) = await FileAsync(erika, "bewohnerparkausweis");
        var receipt = await MailAsync(reference, "Eingangsbestätigung");
        Assert.Contains($"https://service.musterstadt.example/applications/{id}", receipt.TextBody, StringComparison.Ordinal);

        // … and gets the receipt, which names the reference number and verifies.
        var pdf = await erika.GetAsync($"/api/v1/applications/{id}/receipt", ct);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync(ct)))
        {
            var text = string.Concat(document.GetPages().Select(p => p.Text));
            Assert.Contains(reference, text, StringComparison.Ordinal);
            var fingerprint = System.Text.RegularExpressions.Regex.Match(text, "[0-9a-f]{64}").Value;
            var verified = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/receipts/verify?reference={reference}&fingerprint={fingerprint}", ct);
            Assert.True(verified.GetProperty("valid").GetBoolean());
        }

        // 2. The caseworker finds it in the worklist of her department and takes it.
        var worklist = await clara.GetFromJsonAsync<JsonElement>($"/api/v1/cases?status=Submitted&assignee=none&q={reference}", ct);
        var listed = Assert.Single(worklist.GetProperty("items").EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetGuid());
        Assert.Equal("Erika Mustermann", listed.GetProperty("applicantName").GetString());
        Assert.False(listed.GetProperty("overdue").GetBoolean());
        Assert.True(worklist.GetProperty("counts").GetProperty("Submitted").GetInt32() >= 1);
        var (_, etag) = await GetCaseAsync(clara, id);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(clara, $"/api/v1/cases/{id}/assign", new { assignee = "me" }, etag)).StatusCode);
        await TransitionAsync(clara, id, "InReview");

        // 3. She asks for the vehicle holder's confirmation; the deadline clock stops.
        (_, etag) = await GetCaseAsync(clara, id);
        var answerBy = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14));
        var asked = await PostAsync(clara, $"/api/v1/cases/{id}/information-requests",
            new { message = "Bitte reichen Sie die Bestätigung der Halterin (Nutzungsüberlassung) nach.", answerBy }, etag);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var askedBody = await ProblemAsync(asked);
        Assert.Equal("InformationRequested", askedBody.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, askedBody.GetProperty("clockStoppedAt").ValueKind);
        var request = await MailAsync(reference, "Nachforderung von Unterlagen");
        Assert.Contains(answerBy.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture), request.TextBody, StringComparison.Ordinal);

        // 4. Erika sees the open request in her application and answers with the document.
        var view = await erika.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}", ct);
        var open = Assert.Single(view.GetProperty("case").GetProperty("informationRequests").EnumerateArray());
        Assert.Equal("Open", open.GetProperty("status").GetString());
        using var answer = Answer("Anbei die unterschriebene Bestätigung meiner Mutter als Halterin.", ("bestaetigung-halterin.pdf", ApplicationsTests.MinimalPdf));
        var answered = await erika.PostAsync($"/api/v1/applications/{id}/information-requests/{open.GetProperty("id").GetGuid()}/answer", answer, ct);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        // 5. The case is back with the caseworker, with the new document; she approves.
        var (back, _) = await GetCaseAsync(clara, id);
        Assert.Equal("InReview", back.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, back.GetProperty("clockStoppedAt").ValueKind);
        Assert.Contains(back.GetProperty("attachments").EnumerateArray(), a => a.GetProperty("fileName").GetString() == "bestaetigung-halterin.pdf"
            && a.GetProperty("informationRequestId").GetGuid() == open.GetProperty("id").GetGuid());
        Assert.True(back.GetProperty("dueAt").GetDateTimeOffset() >= back.GetProperty("submittedAt").GetDateTimeOffset().AddDays(14));
        await TransitionAsync(clara, id, "Approved", "Alle Voraussetzungen sind erfüllt. Der Ausweis wird Ihnen zugesandt.");
        await MailAsync(reference, "Entscheidung liegt vor");

        // 6. Erika sees Approved with the history of every public step.
        view = await erika.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}", ct);
        Assert.Equal("Approved", view.GetProperty("status").GetString());
        Assert.Equal(
            ["Submitted", "InReview", "InformationRequested", "InReview", "Approved"],
            view.GetProperty("case").GetProperty("history").EnumerateArray().Select(h => h.GetProperty("toStatus").GetString()));
        Assert.Equal("Alle Voraussetzungen sind erfüllt. Der Ausweis wird Ihnen zugesandt.", view.GetProperty("case").GetProperty("decisionReason").GetString());

        // One mail per citizen-visible step (filed, information requested, decided) — and no more.
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        var mails = factory.Smtp.Messages.Where(m => m.Subject?.Contains(reference, StringComparison.Ordinal) == true).ToList();
        Assert.Equal(3, mails.Count);
        Assert.All(mails, m => Assert.Equal("erika.mustermann@example.org", m.To.Mailboxes.Single().Address));
        Assert.All(mails, m => Assert.DoesNotContain("Mustermann", m.TextBody, StringComparison.Ordinal));
    }

    private Task<MimeMessage> MailAsync(string reference, string topic) =>
        factory.Smtp.WaitForMessageAsync(m => m.Subject == $"Ihr Antrag {reference}: {topic}", MailTimeout);
}
