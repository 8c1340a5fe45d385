using Egov.Modules.Announcements.Features.Templates;

namespace Egov.Modules.Announcements.Pages.Staff.Alerts;

/// <summary>
/// The crisis template form as posted (plain strings: no input fails binding; the module checks
/// everything). German texts are required; Leichte Sprache (<c>de-x-ls</c>) and English are sent
/// only when one of their fields is filled in.
/// </summary>
internal sealed class AlertTemplateForm
{
    /// <summary>The languages of the form in the order they are sent: German, Leichte Sprache, English.</summary>
    public static readonly string[] Languages = ["de", "de-x-ls", "en"];

    /// <summary>The text fields of each language.</summary>
    public static readonly string[] Parts = ["title", "text", "instruction"];

    public string? Name { get; set; }

    /// <summary>Title, text and instruction per language (<see cref="Languages"/>), keyed <c>de-title</c>, <c>en-text</c>, ….</summary>
    public Dictionary<string, string?> Texts { get; set; } = new(StringComparer.Ordinal);

    public string? Event { get; set; }

    public string? Category { get; set; } = "Safety";

    public string? Urgency { get; set; } = "Immediate";

    public string? Severity { get; set; } = "Severe";

    public string? Certainty { get; set; } = "Likely";

    public string? ResponseType { get; set; } = "Prepare";

    public string? AreaDescription { get; set; }

    /// <summary>Amtliche Regionalschlüssel (ARS), separated by commas or spaces.</summary>
    public string? RegionalKeys { get; set; }

    /// <summary>Hours an issued alert is in force (a whole number, 1–168).</summary>
    public string? ValidHours { get; set; } = "4";

    /// <summary>One channel per line: name, a comma, its kind (e.g. <c>Stadt Mastodon, Mastodon</c>).</summary>
    public string? Channels { get; set; }

    public string? Text(string language, string part) => Texts.GetValueOrDefault(language + "-" + part);

    /// <summary>
    /// The API's input for the form, and which language each variant index stands for (to put the
    /// module's <c>variants[i].…</c> refusals next to their inputs). <paramref name="validHours"/> is null
    /// when the field is no whole number (the module then names it as required).
    /// </summary>
    public (AlertTemplateInput Input, IReadOnlyList<string> VariantLanguages) ToInput(int? validHours)
    {
        var languages = Languages.Where(l => l == "de" || Parts.Any(p => !string.IsNullOrWhiteSpace(Text(l, p)))).ToList();
        var variants = languages.Select(l => (AlertTemplateVariantInput?)new AlertTemplateVariantInput(l, Text(l, "title"), Text(l, "text"), Text(l, "instruction"))).ToList();
        var channels = (Channels ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(',', 2, StringSplitOptions.TrimEntries))
            .Select(parts => (AlertTemplateChannelInput?)new AlertTemplateChannelInput(parts[0], parts.Length > 1 ? parts[1] : null))
            .ToList();
        var geocodes = (RegionalKeys ?? "").Split([',', ' ', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => (AlertTemplateGeocodeInput?)new AlertTemplateGeocodeInput("ARS", k))
            .ToList();
        var cap = new AlertTemplateCapInput(Event, Category, Urgency, Severity, Certainty, ResponseType, AreaDescription, geocodes, validHours);
        return (new AlertTemplateInput(Name, variants, channels, cap), languages);
    }
}
