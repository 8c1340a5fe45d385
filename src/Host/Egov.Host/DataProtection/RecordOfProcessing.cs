using Egov.Host.Portal.City;
using Egov.Modules.Forms.Contracts;
using Egov.Modules.Outreach.Contracts;

namespace Egov.Host.DataProtection;

/// <summary>
/// The record of processing activities (Verzeichnis von Verarbeitungstätigkeiten, Art. 30 (1) GDPR),
/// generated from what is configured: the controller and its data protection officer
/// (<see cref="CityOptions"/>), one activity per form (<see cref="ListFormProcessingQuery"/>, the same
/// source as the privacy notice), one per configured channel with its data-protection impact
/// assessment (<see cref="ListChannelProcessingQuery"/>), and the app's push messages.
/// </summary>
/// <param name="Controller">The controller (Art. 30 (1) a): the city's official name, representative and contact.</param>
/// <param name="DataProtectionOfficer">Name, e-mail and address of the data protection officer.</param>
/// <param name="Forms">Online applications, one per published form.</param>
/// <param name="Channels">Outreach channels, every configured one.</param>
/// <param name="Push">Push messages to the app and web pages.</param>
internal sealed record RecordOfProcessingResponse(
    string Controller, string DataProtectionOfficer, IReadOnlyList<FormActivity> Forms, IReadOnlyList<ChannelActivity> Channels, ProcessingActivity Push);

/// <summary>One processing activity (Art. 30 (1) b–g GDPR).</summary>
/// <param name="Name">What the activity is.</param>
/// <param name="Purpose">Its purpose (b).</param>
/// <param name="LegalBasis">The legal basis (Art. 6 GDPR) the processing rests on.</param>
/// <param name="DataSubjects">Categories of data subjects (c).</param>
/// <param name="DataCategories">Categories of personal data (c).</param>
/// <param name="Recipients">Categories of recipients (d).</param>
/// <param name="Retention">Time limits for erasure (f).</param>
internal sealed record ProcessingActivity(string Name, string Purpose, string LegalBasis, string DataSubjects, string DataCategories, string Recipients, string Retention);

/// <summary>The activity of one form: <see cref="ProcessingActivity"/> plus the form's key.</summary>
internal sealed record FormActivity(string FormKey, ProcessingActivity Activity);

/// <summary>The activity of one channel, with its data-protection impact assessment (Art. 35) and joint controllership (Art. 26).</summary>
internal sealed record ChannelActivity(
    string Kind, string ChannelName, bool Enabled, bool DataProtectionAssessed, DateOnly? DataProtectionAssessedOn, string? JointControllershipNote, ProcessingActivity Activity);

internal static class RecordOfProcessing
{
    /// <summary>The record from the city settings, the forms and the channels.</summary>
    public static RecordOfProcessingResponse Build(CityOptions city, IReadOnlyList<FormProcessing> forms, IReadOnlyList<ChannelProcessing> channels) => new(
        $"{city.OfficialName}, vertreten durch {city.Representative}; {city.Street}, {city.PostalCode} {city.Locality}; {city.Email}",
        $"{city.DataProtectionOfficer.Name}, {city.DataProtectionOfficer.Email}, {city.DataProtectionOfficer.Address}",
        [.. forms.Select(f => new FormActivity(f.Key, new ProcessingActivity(
            $"Online-Antrag „{f.Title.De}“",
            $"Entgegennahme, Bearbeitung und Entscheidung des Antrags „{f.Title.De}“",
            "Art. 6 Abs. 1 lit. c und e DSGVO in Verbindung mit dem Fachrecht des Verfahrens und dem Onlinezugangsgesetz",
            "Antragstellende (Bürgerinnen und Bürger, Gewerbetreibende)",
            f.AttachmentSlots > 0 ? "Identitäts- und Kontaktdaten aus dem Login, Antragsdaten nach dem Formular, hochgeladene Nachweise, Nachrichten" : "Identitäts- und Kontaktdaten aus dem Login, Antragsdaten nach dem Formular, Nachrichten",
            $"Fachbereich {f.Department} der Stadtverwaltung; Fachverfahren, an die der Vorgang übergeben wird",
            $"{f.RetentionDays} Tage nach Abschluss des Vorgangs, dann {(f.RetentionAction == RetentionActions.Strip ? "Entfernung der personenbezogenen Daten (statistischer Datensatz bleibt)" : "Löschung")}; nicht eingereichte Entwürfe nach der konfigurierten Frist")))],
        [.. channels.Select(c => new ChannelActivity(c.Kind, c.Name, c.Enabled, c.DataProtectionAssessed, c.DataProtectionAssessedOn, c.JointControllershipNote, new ProcessingActivity(
            $"Kanal {c.Name} ({c.Kind})",
            c.CrisisCapable ? "Öffentlichkeitsarbeit und Warnung der Bevölkerung" : "Öffentlichkeitsarbeit",
            c.CrisisCapable ? "Art. 6 Abs. 1 lit. e DSGVO (Öffentlichkeitsarbeit, Gefahrenabwehr)" : "Art. 6 Abs. 1 lit. e DSGVO (Öffentlichkeitsarbeit)",
            "Redaktion und Pressestelle; Personen, die dem Kanal folgen oder antworten",
            "Namen der Redakteurinnen und Redakteure in der Freigabe; Antworten und Nutzerkennungen auf der Plattform",
            c.Kind == OutreachChannelKinds.Webhook ? "Empfänger des Webhooks" : $"Betreiber der Plattform ({c.Kind}); Öffentlichkeit",
            "Zustellprotokolle: Löschung nach der konfigurierten Frist nach der letzten Zustellung; Antworten und Kommentare im Posteingang: Löschung nach der konfigurierten Frist nach dem Abruf")))],
        new ProcessingActivity(
            "Push-Nachrichten an App und Webseiten",
            "Warnungen, Meldungen und Statusänderungen eigener Anträge an registrierte Geräte",
            "Art. 6 Abs. 1 lit. a DSGVO (Einwilligung durch Registrierung), Art. 6 Abs. 1 lit. e DSGVO für Warnungen",
            "Nutzerinnen und Nutzer der App und der Webseiten mit Push",
            "Geräteadresse (Push-Endpunkt), gewählte Themen, bei angemeldeten Geräten die Kennung des Kontos",
            "Push-Dienste der Plattformen (Web Push, Firebase Cloud Messaging, Apple Push Notification service)",
            "Bis zur Abmeldung; Registrierungen, die der Push-Dienst als ungültig meldet, sofort, Registrierungen ohne Lebenszeichen nach der konfigurierten Frist"));
}
