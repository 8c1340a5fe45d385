using System.Globalization;
using System.Text.Json;
using Egov.Modules.Forms.Domain;
using Egov.Typesetting;
using Egov.SharedKernel.Time;

namespace Egov.Modules.Forms.Features.Receipts;

/// <summary>
/// Composes what a receipt (Eingangsbestätigung) shows from a form version and a frozen submission.
/// <para>
/// Languages: <c>de</c> (the default) prints German with English subtitles under the receipt's own
/// texts — title, introduction, fixed labels and headings, e.g. „Eingangsbestätigung“ over
/// „Acknowledgement of receipt“ — while the form's labels and values are German only (the form speaks
/// one language at a time). <c>en</c> prints everything in English, the form's labels and choices from
/// its English translations (falling back to German where a form has none).
/// </para>
/// <para>
/// Content, in order: the facts (reference number, application, form key and version, received at in
/// Europe/Berlin time with its UTC offset, applicant); the submitted data in the UI layout's order
/// (see <see cref="ReceiptLayoutWalker"/>, values by <see cref="ReceiptFieldFormatter"/>), then any
/// submitted value the layout does not show (section „Weitere Angaben“); the attachments (slot, file
/// name, size, first 16 hex digits of SHA-256) in the order of the form's slots, then by file name;
/// fee and processing deadline, with the payment (amount, time in Europe/Berlin, provider, reference)
/// when the fee was paid before submission, or that it is payable after receipt; the fingerprint and
/// verification address.
/// </para>
/// </summary>
internal static class ReceiptComposer
{
    /// <summary>Composes the receipt.</summary>
    /// <param name="form">The content of the form version the application was filed against.</param>
    /// <param name="submission">The frozen submission (data and attachments as stored at submission).</param>
    /// <param name="applicantName">The applicant's name as it should be printed.</param>
    /// <param name="authority">The issuing authority.</param>
    /// <param name="language"><c>de</c> or <c>en</c>.</param>
    /// <param name="fingerprint">The submission's fingerprint, 64 lowercase hex digits (<see cref="ReceiptFingerprint.Compute"/>).</param>
    /// <param name="verificationUrl">Absolute URL where anyone can verify the receipt; printed and encoded in the QR code.</param>
    /// <param name="paidFee">The fee payment made before submission, as stored on the receipt; null when none.</param>
    /// <exception cref="ArgumentException">
    /// A language other than <c>de</c> or <c>en</c>, a fingerprint that is not 64 lowercase hex digits, a relative
    /// verification URL, or data that is not a JSON object.
    /// </exception>
    public static ReceiptDocument Compose(
        FormContent form,
        ReceiptSubmission submission,
        string applicantName,
        ReceiptAuthority authority,
        string language,
        string fingerprint,
        Uri verificationUrl,
        PaidFee? paidFee = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(authority);
        ArgumentNullException.ThrowIfNull(verificationUrl);
        ArgumentNullException.ThrowIfNull(applicantName);
        if (language is not ("de" or "en"))
        {
            throw new ArgumentException($"Receipts are written in 'de' or 'en', not '{language}'.", nameof(language));
        }

        if (fingerprint is not { Length: 64 } || !fingerprint.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            throw new ArgumentException("The fingerprint must be 64 lowercase hexadecimal digits (SHA-256).", nameof(fingerprint));
        }

        if (!verificationUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The verification URL must be absolute.", nameof(verificationUrl));
        }

        if (submission.Data.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("The application data must be a JSON object.", nameof(submission));
        }

        var texts = new Texts(language);
        var formTitle = form.Title.In(language);
        var url = verificationUrl.AbsoluteUri;
        var received = ReceiptFormat.Instant(submission.SubmittedAt, language);
        var reference = submission.ReferenceNumber;

        var sections = new List<ReceiptSection>(DataSections(form, submission.Data, texts))
        {
            AttachmentSection(form, submission.Attachments, texts),
            FeeSection(form, submission.Data, paidFee, texts),
        };

        return new ReceiptDocument(
            Language: language == "en" ? "en-GB" : "de-DE",
            SubtitleLanguage: language == "en" ? null : "en-GB",
            Metadata: new ReceiptMetadata(
                Title: texts.Pick("Eingangsbestätigung", "Acknowledgement of receipt") + " " + reference,
                Author: authority.Name,
                Subject: $"{formTitle} ({submission.FormKey}, Version {submission.FormVersion.ToString(CultureInfo.InvariantCulture)})",
                CreatedAt: submission.SubmittedAt,
                DocumentId: fingerprint[..32]),
            Authority: authority,
            Title: texts.Label("Eingangsbestätigung", "Acknowledgement of receipt"),
            Introduction: Introduction(form, submission.SubmittedAt, texts),
            Facts:
            [
                new ReceiptField(texts.Label("Aktenzeichen", "Reference number"), reference),
                new ReceiptField(texts.Label("Antrag", "Application"), formTitle),
                new ReceiptField(texts.Label("Formular", "Form"), $"{submission.FormKey}, Version {submission.FormVersion.ToString(CultureInfo.InvariantCulture)}"),
                new ReceiptField(texts.Label("Eingegangen am", "Received on"), received),
                new ReceiptField(texts.Label("Antragstellerin oder Antragsteller", "Applicant"), applicantName),
            ],
            Sections: sections,
            Verification: new ReceiptVerification(
                Heading: texts.Label("Echtheit prüfen", "Verify this receipt"),
                Explanation: texts.Label(
                    "Der Fingerabdruck ist der SHA-256-Hashwert Ihrer eingereichten Angaben und Anlagen (kanonisches JSON nach RFC 8785). "
                        + "Unter der Prüfadresse oder mit dem QR-Code können Sie prüfen, ob wir eine Bestätigung mit diesem Aktenzeichen und diesem Fingerabdruck ausgestellt haben.",
                    "The fingerprint is the SHA-256 hash of the data and files you submitted (canonical JSON, RFC 8785). "
                        + "Use the verification address or the QR code to check that we issued a receipt with this reference number and this fingerprint."),
                FingerprintLabel: texts.Label("Fingerabdruck (SHA-256)", "Fingerprint (SHA-256)"),
                Fingerprint: fingerprint,
                UrlLabel: texts.Label("Prüfadresse", "Verification address"),
                Url: url,
                QrAltText: texts.Pick("QR-Code mit der Prüfadresse ", "QR code with the verification address ") + url),
            Footer: new ReceiptFooter(
                Left: texts.Pick("Eingangsbestätigung ", "Acknowledgement of receipt ") + reference,
                PageFormat: texts.Pick("Seite {0} von {1}", "Page {0} of {1}")));
    }

    private static ReceiptLabel Introduction(FormContent form, DateTimeOffset submittedAt, Texts texts)
    {
        var local = CivilTime.ToBerlin(submittedAt);
        var german = $"Ihr Antrag „{form.Title.De}“ ist am {ReceiptFormat.Date(DateOnly.FromDateTime(local.DateTime), "de")} um "
            + $"{local.ToString("HH:mm", CultureInfo.InvariantCulture)} Uhr elektronisch bei uns eingegangen. Diese Bestätigung belegt den Eingang "
            + "und den Inhalt Ihres Antrags; sie ist keine Entscheidung über den Antrag.";
        var english = $"Your application “{form.Title.In("en")}” was received electronically on {ReceiptFormat.Date(DateOnly.FromDateTime(local.DateTime), "en")} at "
            + $"{local.ToString("HH:mm", CultureInfo.InvariantCulture)} (Berlin time). This acknowledges the receipt and content of your application; "
            + "it is not a decision on it.";
        return texts.Label(german, english);
    }

    private static IEnumerable<ReceiptSection> DataSections(FormContent form, JsonElement data, Texts texts)
    {
        var schema = new ReceiptSchema(form.Schema);
        var formatter = new ReceiptFieldFormatter(schema, new ReceiptTranslations(form.Translations, texts.Language));
        var walker = new ReceiptLayoutWalker(schema, formatter, data);
        var sections = walker.Sections(form.UiLayout);
        var remaining = walker.Remaining();
        return remaining.Count == 0
            ? sections
            : [.. sections, new ReceiptSection(texts.Label("Weitere Angaben", "Further details"), 1, remaining)];
    }

    private static ReceiptSection AttachmentSection(FormContent form, IReadOnlyList<ReceiptAttachment> attachments, Texts texts)
    {
        var heading = texts.Label("Anlagen", "Attachments");
        if (attachments.Count == 0)
        {
            return new ReceiptSection(heading, 1, [new ReceiptField(texts.Label("Anlagen", "Attachments"), texts.Pick("keine", "none"))]);
        }

        var slotOrder = form.AttachmentSlots.Select((slot, index) => (slot.Name, index)).ToDictionary(s => s.Name, s => s.index, StringComparer.Ordinal);
        var rows = attachments
            .OrderBy(a => slotOrder.TryGetValue(a.Slot, out var i) ? i : int.MaxValue)
            .ThenBy(a => a.Slot, StringComparer.Ordinal)
            .ThenBy(a => a.FileName, StringComparer.Ordinal)
            .Select(a => (IReadOnlyList<string>)
            [
                form.AttachmentSlots.FirstOrDefault(s => s.Name == a.Slot)?.Label.In(texts.Language) ?? a.Slot,
                a.FileName,
                ReceiptFormat.Size(a.SizeBytes, texts.Language),
                a.Sha256.Length >= 16 ? a.Sha256[..16].ToLowerInvariant() : a.Sha256.ToLowerInvariant(),
            ])
            .ToList();
        string[] columns = texts.Language == "en"
            ? ["Attachment", "File", "Size", "SHA-256 (first 16 digits)"]
            : ["Anlage", "Datei", "Größe", "SHA-256 (Anfang)"];
        return new ReceiptSection(heading, 1, [new ReceiptTable(null, columns, rows)]);
    }

    private static ReceiptSection FeeSection(FormContent form, JsonElement data, PaidFee? paidFee, Texts texts)
    {
        var days = form.ProcessingDeadlineDays;
        var deadline = texts.Language == "en"
            ? $"{days.ToString(CultureInfo.InvariantCulture)} {(days == 1 ? "day" : "days")} from receipt"
            : $"{days.ToString(CultureInfo.InvariantCulture)} {(days == 1 ? "Tag" : "Tage")} ab Eingang";
        // A fee computed from the data (e.g. per vehicle) is shown as computed for this application.
        var cents = FeeRule.Cents(form, System.Text.Json.Nodes.JsonObject.Create(data));
        var fee = ReceiptFormat.Euros(cents / 100m, texts.Language) + "\n" + form.FeeText.In(texts.Language);
        List<ReceiptBlock> fields = [new ReceiptField(texts.Label("Gebühr", "Fee"), fee)];
        if (Payment(form, cents, paidFee, texts.Language) is { } payment)
        {
            fields.Add(new ReceiptField(texts.Label("Zahlung", "Payment"), payment));
        }

        fields.Add(new ReceiptField(texts.Label("Bearbeitungsfrist", "Processing deadline"), deadline));
        return new ReceiptSection(texts.Label("Gebühr und Bearbeitungsfrist", "Fee and processing time"), 1, fields);
    }

    /// <summary>
    /// The payment line: the payment made before submission as stored, or — for a fee paid after
    /// submission — that it is payable now (the receipt is immutable; a later payment gets a payment
    /// confirmation of its own, ADR 0028). Null for a free application, and for a fee paid before
    /// submission that the receipt has no stored payment for (receipts issued before payments were
    /// recorded on them): the receipt claims nothing it cannot prove.
    /// </summary>
    private static string? Payment(FormContent form, long cents, PaidFee? paidFee, string language)
    {
        if (paidFee is not null)
        {
            return ReceiptFormat.Payment(paidFee, language);
        }

        return cents > 0 && form.FeePayment != FeePayment.BeforeSubmission
            ? language == "en"
                ? "payable after receipt of the application; the payment status is shown on the application's page"
                : "zahlbar nach Eingang des Antrags; der Zahlungsstand steht auf der Seite des Antrags"
            : null;
    }

    /// <summary>The receipt's own texts: German with an English subtitle, or English alone.</summary>
    private sealed class Texts(string language)
    {
        public string Language { get; } = language;

        public ReceiptLabel Label(string german, string english) =>
            Language == "en" ? new ReceiptLabel(english) : new ReceiptLabel(german, english);

        public string Pick(string german, string english) => Language == "en" ? english : german;
    }
}
