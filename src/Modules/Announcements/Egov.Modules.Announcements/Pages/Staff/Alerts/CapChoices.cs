using Egov.SharedKernel.Web;

namespace Egov.Modules.Announcements.Pages.Staff.Alerts;

/// <summary>
/// The CAP 1.2 code values of the alert form with words for people (OASIS CAP 1.2 §3.2.2). The
/// codes are the module's (its validator refuses any other); the words are only for the page.
/// </summary>
internal static class CapChoices
{
    public static IReadOnlyList<Choice> Categories { get; } =
    [
        new("Met", "Wetter", "Weather"),
        new("Safety", "Allgemeine Sicherheit", "General safety"),
        new("Security", "Öffentliche Sicherheit (Polizei)", "Security (police)"),
        new("Fire", "Brand", "Fire"),
        new("Health", "Gesundheit", "Health"),
        new("Env", "Umwelt", "Environment"),
        new("Transport", "Verkehr", "Transport"),
        new("Infra", "Versorgung (Strom, Wasser, Telefon)", "Utilities (power, water, telephone)"),
        new("Rescue", "Rettung und Bergung", "Rescue and recovery"),
        new("Geo", "Geologisch (z. B. Erdbeben)", "Geological (e.g. earthquake)"),
        new("CBRNE", "Gefahrstoffe (chemisch, biologisch, radiologisch, nuklear, explosiv)", "Hazardous materials (CBRNE)"),
        new("Other", "Sonstiges", "Other"),
    ];

    public static IReadOnlyList<Choice> Urgencies { get; } =
    [
        new("Immediate", "Sofort – jetzt handeln", "Immediate – act now"),
        new("Expected", "Bald – innerhalb der nächsten Stunde handeln", "Expected – act within the next hour"),
        new("Future", "Später – in naher Zukunft handeln", "Future – act in the near future"),
        new("Past", "Vorbei – kein Handeln mehr nötig", "Past – no action needed any more"),
        new("Unknown", "Unbekannt", "Unknown"),
    ];

    public static IReadOnlyList<Choice> Severities { get; } =
    [
        new("Extreme", "Extrem – außergewöhnliche Gefahr für Leben und Eigentum", "Extreme – extraordinary threat to life or property"),
        new("Severe", "Schwer – erhebliche Gefahr für Leben und Eigentum", "Severe – significant threat to life or property"),
        new("Moderate", "Mäßig – mögliche Gefahr für Leben und Eigentum", "Moderate – possible threat to life or property"),
        new("Minor", "Gering – kaum Gefahr", "Minor – minimal threat"),
        new("Unknown", "Unbekannt", "Unknown"),
    ];

    public static IReadOnlyList<Choice> Certainties { get; } =
    [
        new("Observed", "Eingetreten (beobachtet)", "Observed"),
        new("Likely", "Wahrscheinlich (über 50 %)", "Likely (over 50 %)"),
        new("Possible", "Möglich", "Possible"),
        new("Unlikely", "Unwahrscheinlich", "Unlikely"),
        new("Unknown", "Unbekannt", "Unknown"),
    ];

    public static IReadOnlyList<Choice> ResponseTypes { get; } =
    [
        new("Shelter", "Schutz suchen (in Gebäuden bleiben)", "Shelter in place"),
        new("Evacuate", "Gebiet verlassen", "Evacuate"),
        new("Prepare", "Vorbereiten", "Prepare"),
        new("Execute", "Vorbereitete Maßnahmen ausführen", "Execute the planned action"),
        new("Avoid", "Gebiet meiden", "Avoid the area"),
        new("Monitor", "Informationen verfolgen", "Monitor information"),
        new("Assess", "Lage selbst einschätzen", "Assess the situation"),
        new("AllClear", "Entwarnung", "All clear"),
        new("None", "Keine Maßnahme", "No action"),
    ];

    /// <summary>The words of a code in the page language, or the code itself.</summary>
    public static string Words(IReadOnlyList<Choice> choices, string code) =>
        choices.FirstOrDefault(c => c.Code == code)?.Text ?? code;

    /// <summary>A CAP code and its words.</summary>
    internal sealed record Choice(string Code, string German, string English)
    {
        public string Text => PortalText.Pick(German, English);
    }
}
