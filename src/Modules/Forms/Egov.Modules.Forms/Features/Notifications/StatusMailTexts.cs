using System.Globalization;
using Egov.Modules.Forms.Contracts;

namespace Egov.Modules.Forms.Features.Notifications;

/// <summary>
/// The wording of status mails in one language: <see cref="German"/> and <see cref="English"/>.
/// Composite format strings take their arguments in the order the member's documentation names.
/// Every text says what the status means and what to do next, never why (a reason may be sensitive).
/// </summary>
internal sealed class StatusMailTexts
{
    /// <summary>German, the default.</summary>
    public static readonly StatusMailTexts German = new()
    {
        Language = "de",
        Culture = CultureInfo.GetCultureInfo("de-DE"),
        DateFormat = "dd.MM.yyyy",
        Subject = "Ihr Antrag {0}: {1}",
        SubjectTopics = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ApplicationStatuses.Submitted] = "Eingangsbestätigung",
            [ApplicationStatuses.InformationRequested] = "Nachforderung von Unterlagen",
            [ApplicationStatuses.Approved] = "Entscheidung liegt vor",
            [ApplicationStatuses.Rejected] = "Entscheidung liegt vor",
            [ApplicationStatuses.Withdrawn] = "Rücknahme bestätigt",
        },
        StatusNames = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ApplicationStatuses.Submitted] = "Eingegangen",
            [ApplicationStatuses.InReview] = "In Bearbeitung",
            [ApplicationStatuses.InformationRequested] = "Unterlagen nachgefordert",
            [ApplicationStatuses.Approved] = "Bewilligt",
            [ApplicationStatuses.Rejected] = "Abgelehnt",
            [ApplicationStatuses.Withdrawn] = "Zurückgezogen",
            [ApplicationStatuses.Closed] = "Abgeschlossen",
        },
        Greeting = "Guten Tag,",
        StatusChanged = "der Status Ihres Antrags {0} ({1}) hat sich geändert. Neuer Status: {2}.",
        Explanations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ApplicationStatuses.Submitted] = "Ihr Antrag ist bei uns eingegangen und wird bearbeitet. Sie müssen im Moment nichts weiter tun; wenn wir etwas von Ihnen brauchen, schreiben wir Ihnen.",
            [ApplicationStatuses.InformationRequested] = "Für die Bearbeitung brauchen wir weitere Unterlagen oder Angaben von Ihnen. Was genau fehlt, lesen Sie in Ihrem Konto. Bis Sie antworten, ruht die Bearbeitung.",
            [ApplicationStatuses.Approved] = "Über Ihren Antrag ist entschieden. Den Bescheid finden Sie in Ihrem Konto.",
            [ApplicationStatuses.Rejected] = "Über Ihren Antrag ist entschieden. Den Bescheid mit seiner Begründung finden Sie in Ihrem Konto.",
            [ApplicationStatuses.Withdrawn] = "Sie haben Ihren Antrag zurückgezogen; er wird nicht weiter bearbeitet. Wenn Sie das nicht selbst waren, wenden Sie sich bitte an uns.",
        },
        AnswerBy = "Bitte antworten Sie bis zum {0} über Ihr Konto.",
        AnswerSoon = "Bitte antworten Sie so bald wie möglich über Ihr Konto.",
        SignIn = "Melden Sie sich an, um Ihren Antrag zu sehen:",
        Closing = "Mit freundlichen Grüßen",
        AutomatedNotice = "Diese E-Mail wurde automatisch erstellt. Bitte antworten Sie nicht darauf; schreiben Sie uns über Ihr Konto.",
    };

    /// <summary>English.</summary>
    public static readonly StatusMailTexts English = new()
    {
        Language = "en",
        Culture = CultureInfo.InvariantCulture,
        DateFormat = "d MMMM yyyy",
        Subject = "Your application {0}: {1}",
        SubjectTopics = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ApplicationStatuses.Submitted] = "confirmation of receipt",
            [ApplicationStatuses.InformationRequested] = "documents or information requested",
            [ApplicationStatuses.Approved] = "decision made",
            [ApplicationStatuses.Rejected] = "decision made",
            [ApplicationStatuses.Withdrawn] = "withdrawal confirmed",
        },
        StatusNames = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ApplicationStatuses.Submitted] = "Received",
            [ApplicationStatuses.InReview] = "In progress",
            [ApplicationStatuses.InformationRequested] = "Documents requested",
            [ApplicationStatuses.Approved] = "Approved",
            [ApplicationStatuses.Rejected] = "Rejected",
            [ApplicationStatuses.Withdrawn] = "Withdrawn",
            [ApplicationStatuses.Closed] = "Closed",
        },
        Greeting = "Hello,",
        StatusChanged = "The status of your application {0} ({1}) has changed. New status: {2}.",
        Explanations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ApplicationStatuses.Submitted] = "We have received your application and will process it. You need not do anything now; if we need anything from you, we will let you know.",
            [ApplicationStatuses.InformationRequested] = "To process your application we need further documents or information from you. Your account shows exactly what is missing. Processing is paused until you answer.",
            [ApplicationStatuses.Approved] = "A decision has been made on your application. You will find the notice of decision in your account.",
            [ApplicationStatuses.Rejected] = "A decision has been made on your application. You will find the notice of decision, with its reasons, in your account.",
            [ApplicationStatuses.Withdrawn] = "You have withdrawn your application; it will not be processed further. If you did not do this yourself, please contact us.",
        },
        AnswerBy = "Please answer through your account by {0}.",
        AnswerSoon = "Please answer through your account as soon as possible.",
        SignIn = "Sign in to see your application:",
        Closing = "Kind regards",
        AutomatedNotice = "This e-mail was generated automatically. Please do not reply to it; write to us through your account.",
    };

    private StatusMailTexts()
    {
    }

    /// <summary>ISO 639-1 code of the language (<c>de</c>, <c>en</c>), also the mail's <c>Content-Language</c> (RFC 3282).</summary>
    public required string Language { get; init; }

    /// <summary>Culture for month names in dates.</summary>
    public required CultureInfo Culture { get; init; }

    /// <summary>Format of a date (<c>dd.MM.yyyy</c> in German).</summary>
    public required string DateFormat { get; init; }

    /// <summary>Subject line: {0} reference number, {1} the topic from <see cref="SubjectTopics"/>.</summary>
    public required string Subject { get; init; }

    /// <summary>Topic of the subject line per status that mails.</summary>
    public required IReadOnlyDictionary<string, string> SubjectTopics { get; init; }

    /// <summary>Display name of every status of <see cref="ApplicationStatuses"/>.</summary>
    public required IReadOnlyDictionary<string, string> StatusNames { get; init; }

    /// <summary>Salutation; without a name, by design.</summary>
    public required string Greeting { get; init; }

    /// <summary>First sentence: {0} reference number, {1} form title, {2} the status's display name.</summary>
    public required string StatusChanged { get; init; }

    /// <summary>What the status means and what to do next, per status that mails.</summary>
    public required IReadOnlyDictionary<string, string> Explanations { get; init; }

    /// <summary>Deadline of an information request: {0} the date in <see cref="DateFormat"/>.</summary>
    public required string AnswerBy { get; init; }

    /// <summary>An information request without a deadline.</summary>
    public required string AnswerSoon { get; init; }

    /// <summary>Line before the link to the application.</summary>
    public required string SignIn { get; init; }

    /// <summary>Complimentary close, followed by the sender's name when configured.</summary>
    public required string Closing { get; init; }

    /// <summary>Last paragraph: the mail is automated, answers go through the account.</summary>
    public required string AutomatedNotice { get; init; }

    /// <summary>
    /// The texts for a language tag: English for <c>en</c> and <c>en-…</c> (any case), German for
    /// everything else, null and unknown languages included.
    /// </summary>
    public static StatusMailTexts For(string? language) =>
        language is not null
        && language.StartsWith("en", StringComparison.OrdinalIgnoreCase)
        && (language.Length == 2 || language[2] is '-' or '_')
            ? English
            : German;

    /// <summary>Formats a date the way this language writes it.</summary>
    public string Format(DateOnly date) => date.ToString(DateFormat, Culture);
}
