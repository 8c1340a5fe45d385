using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Egov.Modules.Forms.Contracts;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;
using MimeKit.Utils;

namespace Egov.Modules.Forms.Features.Notifications;

/// <summary>
/// Writes the e-mail that tells a citizen their application changed to a citizen-visible status.
/// The mail says which application (reference number and form title), its new status, what that
/// means and what to do next, and links to the application in the citizen portal — nothing else
/// (data minimisation, Art. 5(1)(c) GDPR): no name, no form data, no reason, no message text.
/// </summary>
internal sealed class StatusMailComposer(IOptions<MailOptions> options, TimeProvider time)
{
    /// <summary>Sender used when <see cref="MailOptions.SenderAddress"/> is not set, which the validator allows only while mail is disabled.</summary>
    public const string FallbackSenderAddress = "noreply@localhost";

    /// <summary>
    /// Composes the mail for <paramref name="input"/>: <c>multipart/alternative</c> of
    /// <c>text/plain</c> and <c>text/html</c> (both UTF-8, quoted-printable), in German or English
    /// by <see cref="StatusMailInput.Language"/>. Headers: <c>From</c> the configured sender,
    /// <c>To</c> the bare recipient address, <c>Date</c> now (UTC), a new <c>Message-Id</c> on the
    /// sender's domain (RFC 5322 §3.6.4), <c>Auto-Submitted: auto-generated</c> (RFC 3834 §5, so
    /// that auto-responders stay silent), <c>X-Auto-Response-Suppress: All</c> (the same for
    /// Microsoft Exchange) and <c>Content-Language</c> (RFC 3282). Every value put into the HTML
    /// part is HTML-encoded.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The status is not one the applicant is told about (<see cref="ApplicationStatusNotifications"/>), the recipient is not one bare address,
    /// the reference number or German form title is empty, or the link is not an absolute http(s)
    /// address. These are permanent: retrying the same input fails again.
    /// </exception>
    public MimeMessage Compose(StatusMailInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ApplicationStatusNotifications.NotifiesApplicant(input.Status))
        {
            throw new ArgumentException($"Status '{input.Status}' is not a citizen-visible step; ask ApplicationStatusNotifications.NotifiesApplicant first.", nameof(input));
        }

        if (!MailAddresses.TryParseBare(input.RecipientAddress, out var recipient))
        {
            throw new ArgumentException("The recipient must be one bare e-mail address.", nameof(input));
        }

        var texts = StatusMailTexts.For(input.Language);
        var referenceNumber = OneLine(input.ReferenceNumber);
        var formTitle = OneLine(input.FormTitle?.In(texts.Language));
        if (referenceNumber.Length == 0 || formTitle.Length == 0)
        {
            throw new ArgumentException("The reference number and the form title must not be empty.", nameof(input));
        }

        var link = input.ApplicationLink;
        if (link is null || !link.IsAbsoluteUri || (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The application link must be an absolute http or https address.", nameof(input));
        }

        var settings = options.Value;
        var sender = MailAddresses.TryParseBare(settings.SenderAddress, out var configured)
            ? configured
            : new MailboxAddress(string.Empty, FallbackSenderAddress);
        var senderName = string.IsNullOrWhiteSpace(settings.SenderName) ? null : OneLine(settings.SenderName);

        var subject = Format(texts.Subject, referenceNumber, texts.SubjectTopics[input.Status]);
        var nextStep = input.Status == ApplicationStatuses.InformationRequested
            ? " " + (input.AnswerDueBy is { } due ? Format(texts.AnswerBy, texts.Format(due)) : texts.AnswerSoon)
            : string.Empty;
        var body = new BodyWriter(texts.Language, subject);
        body.Paragraph(texts.Greeting);
        body.Paragraph(Format(texts.StatusChanged, referenceNumber, formTitle, texts.StatusNames[input.Status]));
        body.Paragraph(texts.Explanations[input.Status] + nextStep);
        body.Link(texts.SignIn, link);
        body.Paragraph(senderName is null ? [texts.Closing] : [texts.Closing, senderName]);
        body.Paragraph(texts.AutomatedNotice);

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(senderName ?? string.Empty, sender.Address));
        message.To.Add(recipient);
        message.Subject = subject;
        message.Date = time.GetUtcNow();
        message.MessageId = MimeUtils.GenerateMessageId(sender.Domain);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");

        var alternative = new MultipartAlternative
        {
            TextPart(TextFormat.Plain, body.Text),
            TextPart(TextFormat.Html, body.Html),
        };
        alternative.Headers.Add(HeaderId.ContentLanguage, texts.Language);
        message.Body = alternative;
        return message;
    }

    private static TextPart TextPart(TextFormat format, string content)
    {
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText(Encoding.UTF8, content);
        return part;
    }

    private static string Format(string format, params object[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, format, arguments);

    // A title or number travels into a subject and a sentence: line breaks and control characters
    // would break the layout, so every run of them and of white space becomes one space.
    private static string OneLine(string? value)
    {
        var chars = (value ?? string.Empty).Select(c => char.IsControl(c) || char.IsWhiteSpace(c) ? ' ' : c).ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Writes the same paragraphs as plain text and as HTML, encoding for HTML on the way.</summary>
    private sealed class BodyWriter
    {
        // Encodes markup characters (< > & " ' and a few more) but leaves letters such as ä or – as
        // they are: the part is UTF-8, and readable HTML is easier to check than &#252;.
        private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

        private readonly StringBuilder _text = new();
        private readonly StringBuilder _html = new();

        public BodyWriter(string language, string title)
        {
            _html.Append(CultureInfo.InvariantCulture, $"""
                <!DOCTYPE html>
                <html lang="{Encode(language)}">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{Encode(title)}</title>
                </head>
                <body style="font-family: sans-serif; line-height: 1.5;">

                """);
        }

        public string Text => _text.ToString().TrimEnd() + "\n";

        public string Html => _html.ToString() + "</body>\n</html>\n";

        public void Paragraph(params string[] lines)
        {
            _text.Append(string.Join('\n', lines)).Append("\n\n");
            _html.Append("<p>").AppendJoin("<br>\n", lines.Select(Encode)).Append("</p>\n");
        }

        public void Link(string lead, Uri link)
        {
            var address = link.AbsoluteUri;
            _text.Append(lead).Append('\n').Append(address).Append("\n\n");
            _html.Append("<p>").Append(Encode(lead)).Append("<br>\n")
                .Append("<a href=\"").Append(Encode(address)).Append("\">").Append(Encode(address)).Append("</a></p>\n");
        }

        private static string Encode(string value) => Encoder.Encode(value);
    }
}
