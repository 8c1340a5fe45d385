using System.Reflection;
using Egov.Modules.Forms.Contracts;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Notifications;
using MimeKit;

namespace Egov.IntegrationTests.Forms.Notifications;

/// <summary>What a status mail says, in which language, with which headers — and what it never says.</summary>
public sealed class StatusMailComposerTests
{
    [Fact]
    public void Texts_ForEveryStatusOfTheContract_HaveGermanAndEnglishNames()
    {
        foreach (var status in ContractStatuses())
        {
            Assert.False(string.IsNullOrWhiteSpace(StatusMailTexts.German.StatusNames[status]));
            Assert.False(string.IsNullOrWhiteSpace(StatusMailTexts.English.StatusNames[status]));
        }

        Assert.Equal("Unterlagen nachgefordert", StatusMailTexts.German.StatusNames[ApplicationStatuses.InformationRequested]);
        Assert.Equal("Zurückgezogen", StatusMailTexts.German.StatusNames[ApplicationStatuses.Withdrawn]);
    }

    [Fact]
    public void Compose_InformationRequestedInGerman_SaysStatusDeadlineAndLink()
    {
        var message = StatusMails.Composer().Compose(StatusMails.Input(answerDueBy: new DateOnly(2026, 12, 15)));

        Assert.Equal("Ihr Antrag EGOV-2026-000042: Nachforderung von Unterlagen", message.Subject);
        var text = StatusMails.Text(message);
        Assert.StartsWith("Guten Tag,\n\nder Status Ihres Antrags EGOV-2026-000042 (Anmeldung eines Hundes zur Hundesteuer) hat sich geändert. Neuer Status: Unterlagen nachgefordert.\n\n", text, StringComparison.Ordinal);
        Assert.Contains("Was genau fehlt, lesen Sie in Ihrem Konto.", text, StringComparison.Ordinal);
        Assert.Contains("Bitte antworten Sie bis zum 15.12.2026 über Ihr Konto.", text, StringComparison.Ordinal);
        Assert.Contains("Melden Sie sich an, um Ihren Antrag zu sehen:\n" + StatusMails.Link.AbsoluteUri + "\n", text, StringComparison.Ordinal);
        Assert.Contains("Mit freundlichen Grüßen\nStadt Musterstadt – Bürgerservice", text, StringComparison.Ordinal);

        var html = StatusMails.Html(message);
        Assert.Contains("<html lang=\"de\">", html, StringComparison.Ordinal);
        Assert.Contains("Neuer Status: Unterlagen nachgefordert.", html, StringComparison.Ordinal);
        Assert.Contains("Bitte antworten Sie bis zum 15.12.2026 über Ihr Konto.", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{StatusMails.Link.AbsoluteUri}\">{StatusMails.Link.AbsoluteUri}</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_InformationRequestedInEnglish_UsesEnglishTextsTitleAndDate()
    {
        var message = StatusMails.Composer().Compose(StatusMails.Input(language: "en", answerDueBy: new DateOnly(2026, 12, 15)));

        Assert.Equal("Your application EGOV-2026-000042: documents or information requested", message.Subject);
        var text = StatusMails.Text(message);
        Assert.StartsWith("Hello,\n\nThe status of your application EGOV-2026-000042 (Dog tax registration) has changed. New status: Documents requested.\n\n", text, StringComparison.Ordinal);
        Assert.Contains("Please answer through your account by 15 December 2026.", text, StringComparison.Ordinal);
        Assert.Contains("Sign in to see your application:\n" + StatusMails.Link.AbsoluteUri, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Antrag", text, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", StatusMails.Html(message), StringComparison.Ordinal);
        Assert.Equal("en", message.Body!.Headers[HeaderId.ContentLanguage]);
    }

    [Fact]
    public void Compose_InformationRequestedWithoutDeadline_AsksForAnAnswerSoon()
    {
        var text = StatusMails.Text(StatusMails.Composer().Compose(StatusMails.Input()));

        Assert.Contains("Bitte antworten Sie so bald wie möglich über Ihr Konto.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("bis zum", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "de")]
    [InlineData("de", "de")]
    [InlineData("fr", "de")]
    [InlineData("eng", "de")]
    [InlineData("en", "en")]
    [InlineData("EN-gb", "en")]
    public void Compose_ForLanguage_ChoosesGermanUnlessEnglish(string? language, string expected)
    {
        var message = StatusMails.Composer().Compose(StatusMails.Input(language: language));

        Assert.Equal(expected, message.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.StartsWith(expected == "de" ? "Ihr Antrag" : "Your application", message.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_InEnglishWithoutEnglishTitle_UsesTheGermanTitle()
    {
        var message = StatusMails.Composer().Compose(StatusMails.Input(language: "en", formTitle: new LocalizedText("Bewohnerparkausweis", null)));

        Assert.Contains("(Bewohnerparkausweis)", StatusMails.Text(message), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ApplicationStatuses.Submitted, "Ihr Antrag EGOV-2026-000042: Eingangsbestätigung", "Neuer Status: Eingegangen.", "Sie müssen im Moment nichts weiter tun")]
    [InlineData(ApplicationStatuses.Approved, "Ihr Antrag EGOV-2026-000042: Entscheidung liegt vor", "Neuer Status: Bewilligt.", "Den Bescheid finden Sie in Ihrem Konto.")]
    [InlineData(ApplicationStatuses.Rejected, "Ihr Antrag EGOV-2026-000042: Entscheidung liegt vor", "Neuer Status: Abgelehnt.", "Den Bescheid mit seiner Begründung finden Sie in Ihrem Konto.")]
    [InlineData(ApplicationStatuses.Withdrawn, "Ihr Antrag EGOV-2026-000042: Rücknahme bestätigt", "Neuer Status: Zurückgezogen.", "Wenn Sie das nicht selbst waren")]
    public void Compose_ForEachNotifiedStatus_SaysWhatItMeans(string status, string subject, string statusLine, string explanation)
    {
        var message = StatusMails.Composer().Compose(StatusMails.Input(status: status, answerDueBy: new DateOnly(2026, 12, 15)));

        Assert.Equal(subject, message.Subject);
        Assert.Contains(statusLine, StatusMails.Text(message), StringComparison.Ordinal);
        Assert.Contains(explanation, StatusMails.Text(message), StringComparison.Ordinal);
        Assert.Contains(explanation, StatusMails.Html(message), StringComparison.Ordinal);
        // The deadline belongs to information requests only.
        Assert.DoesNotContain("15.12.2026", StatusMails.Text(message), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ApplicationStatuses.Submitted, "confirmation of receipt", "New status: Received.")]
    [InlineData(ApplicationStatuses.Approved, "decision made", "New status: Approved.")]
    [InlineData(ApplicationStatuses.Rejected, "decision made", "New status: Rejected.")]
    [InlineData(ApplicationStatuses.Withdrawn, "withdrawal confirmed", "New status: Withdrawn.")]
    public void Compose_ForEachNotifiedStatusInEnglish_SaysWhatItMeans(string status, string topic, string statusLine)
    {
        var message = StatusMails.Composer().Compose(StatusMails.Input(status: status, language: "en"));

        Assert.Equal($"Your application EGOV-2026-000042: {topic}", message.Subject);
        Assert.Contains(statusLine, StatusMails.Text(message), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Always_IsMultipartAlternativeOfUtf8PlainAndHtml()
    {
        var message = StatusMails.Composer().Compose(StatusMails.Input());

        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Collection(alternative,
            part => AssertUtf8Text(part, "text/plain"),
            part => AssertUtf8Text(part, "text/html"));

        static void AssertUtf8Text(MimeEntity entity, string mimeType)
        {
            var part = Assert.IsType<TextPart>(entity);
            Assert.Equal(mimeType, part.ContentType.MimeType);
            Assert.Equal("utf-8", part.ContentType.Charset, ignoreCase: true);
        }
    }

    [Fact]
    public void Compose_Always_SetsHeadersForAutomatedMail()
    {
        var message = StatusMails.Composer().Compose(StatusMails.Input());

        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.Equal("All", message.Headers["X-Auto-Response-Suppress"]);
        Assert.EndsWith("@musterstadt.example", message.MessageId, StringComparison.Ordinal);
        Assert.Equal(StatusMails.Now, message.Date);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
        Assert.Equal(StatusMails.Sender, from.Address);
        Assert.Equal(StatusMails.SenderName, from.Name);
        var to = Assert.IsType<MailboxAddress>(Assert.Single(message.To));
        Assert.Equal(StatusMails.Recipient, to.Address);
        Assert.Equal("", to.Name);
    }

    [Fact]
    public void Compose_TwoMails_GetDistinctMessageIds()
    {
        var composer = StatusMails.Composer();

        Assert.NotEqual(composer.Compose(StatusMails.Input()).MessageId, composer.Compose(StatusMails.Input()).MessageId);
    }

    [Fact]
    public void Compose_WithoutConfiguredSender_UsesTheFallbackWithoutName()
    {
        var message = StatusMails.Composer(new MailOptions()).Compose(StatusMails.Input());

        var from = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
        Assert.Equal(StatusMailComposer.FallbackSenderAddress, from.Address);
        Assert.EndsWith("@localhost", message.MessageId, StringComparison.Ordinal);
        Assert.EndsWith("Mit freundlichen Grüßen\n\nDiese E-Mail wurde automatisch erstellt. Bitte antworten Sie nicht darauf; schreiben Sie uns über Ihr Konto.\n", StatusMails.Text(message), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_FormTitleWithMarkup_IsHtmlEncodedInHtmlAndVerbatimInText()
    {
        var title = new LocalizedText("<script>alert(\"x\")</script> & <b>Co</b>", null);

        var message = StatusMails.Composer().Compose(StatusMails.Input(formTitle: title));

        var html = StatusMails.Html(message);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("(<script>alert(\"x\")</script> & <b>Co</b>)", StatusMails.Text(message), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_SenderNameAndLinkWithSpecialCharacters_AreHtmlEncoded()
    {
        var options = StatusMails.Options(o => o.SenderName = "Stadt <Muster> & Söhne");
        var link = new Uri("https://buergerportal.musterstadt.example/antraege/42?tab=status&lang=de");

        var html = StatusMails.Html(StatusMails.Composer(options).Compose(StatusMails.Input(link: link)));

        Assert.Contains("Stadt &lt;Muster&gt; &amp; Söhne", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://buergerportal.musterstadt.example/antraege/42?tab=status&amp;lang=de\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_TitleWithLineBreaks_StaysOnOneLine()
    {
        var message = StatusMails.Composer().Compose(StatusMails.Input(formTitle: new LocalizedText("Hunde-\r\nsteuer\tAnmeldung", null)));

        Assert.Contains("(Hunde- steuer Anmeldung)", StatusMails.Text(message), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Always_CarriesNoPersonalDataBeyondTheRecipientHeader()
    {
        // The address names the person; it belongs in To and nowhere else. The rest of the mail is
        // built from the input alone, and the input has no field for a name, form data, a reason or
        // a message (see the next test), so those cannot leak in.
        foreach (var status in ContractStatuses().Where(ApplicationStatusNotifications.NotifiesApplicant))
        {
            foreach (var language in new[] { "de", "en" })
            {
                var message = StatusMails.Composer().Compose(StatusMails.Input(status: status, language: language, answerDueBy: new DateOnly(2026, 12, 15)));
                using var written = new MemoryStream();
                message.WriteTo(written, TestContext.Current.CancellationToken);
                var raw = System.Text.Encoding.UTF8.GetString(written.ToArray());

                Assert.Equal(1, Occurrences(raw, StatusMails.Recipient));
                foreach (var personal in new[] { "erika", "Mustermann" })
                {
                    Assert.DoesNotContain(personal, StatusMails.Text(message), StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain(personal, StatusMails.Html(message), StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain(personal, message.Subject, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
    }

    [Fact]
    public void StatusMailInput_ByDesign_HasNoFieldForNamesFormDataReasonsOrMessages()
    {
        var fields = typeof(StatusMailInput).GetConstructors().Single().GetParameters().Select(p => p.Name).ToArray();

        Assert.Equal(
            ["RecipientAddress", "Language", "ReferenceNumber", "FormTitle", "Status", "AnswerDueBy", "ApplicationLink"],
            fields);
        Assert.Equal([typeof(StatusMailInput)], typeof(StatusMailComposer).GetMethod(nameof(StatusMailComposer.Compose))!.GetParameters().Select(p => p.ParameterType));
    }

    [Theory]
    [InlineData(ApplicationStatuses.InReview)]
    [InlineData(ApplicationStatuses.Closed)]
    [InlineData("Unknown")]
    public void Compose_ForStatusThatDoesNotNotify_Throws(string status)
    {
        Assert.Throws<ArgumentException>(() => StatusMails.Composer().Compose(StatusMails.Input(status: status)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("erika")]
    [InlineData("Erika Mustermann <erika@example.org>")]
    [InlineData("erika@example.org, max@example.org")]
    [InlineData("erika@example.org\r\nBcc: max@example.org")]
    public void Compose_WithRecipientThatIsNotOneBareAddress_Throws(string recipient)
    {
        Assert.Throws<ArgumentException>(() => StatusMails.Composer().Compose(StatusMails.Input(recipient: recipient)));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://buergerportal.musterstadt.example/antraege/42")]
    [InlineData("/antraege/42")]
    public void Compose_WithLinkThatIsNotAbsoluteHttp_Throws(string link)
    {
        Assert.Throws<ArgumentException>(() => StatusMails.Composer().Compose(StatusMails.Input(link: new Uri(link, UriKind.RelativeOrAbsolute))));
    }

    private static List<string> ContractStatuses() =>
        typeof(ApplicationStatuses).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }
}
