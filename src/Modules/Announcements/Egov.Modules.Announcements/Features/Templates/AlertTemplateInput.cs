namespace Egov.Modules.Announcements.Features.Templates;

/// <summary>A crisis template as written by an Editor or CrisisManager (<c>POST</c>/<c>PUT /api/v1/alerts/templates</c>).</summary>
/// <param name="Name">Short name for the crisis team's list (required, at most 200 characters).</param>
/// <param name="Variants">Texts per language: <c>de</c> required, <c>de-x-ls</c> and <c>en</c> optional, each at most once.</param>
/// <param name="Channels">Channels the template is meant for (at most 20).</param>
/// <param name="Alert">The CAP 1.2 fields of the alerts it issues.</param>
internal sealed record AlertTemplateInput(
    string? Name, IReadOnlyList<AlertTemplateVariantInput?>? Variants, IReadOnlyList<AlertTemplateChannelInput?>? Channels, AlertTemplateCapInput? Alert);

/// <summary>One language: <c>title</c> (at most 200), <c>text</c> and <c>instruction</c> (each at most 5,000); placeholders like <c>{Ort}</c> allowed.</summary>
internal sealed record AlertTemplateVariantInput(string? Language, string? Title, string? Text, string? Instruction);

/// <summary>A channel: <c>name</c> (at most 100) and <c>kind</c> (at most 50), e.g. "Stadt Mastodon" / "Mastodon".</summary>
internal sealed record AlertTemplateChannelInput(string? Name, string? Kind);

/// <summary>
/// CAP 1.2 fields spelled exactly as in CAP (<c>category</c> e.g. <c>Health</c>, <c>urgency</c> <c>Immediate</c>, …),
/// the area (<c>areaDescription</c>, placeholders allowed, and at least one geocode such as <c>ARS</c>) and
/// <c>validHours</c> (1–168): how long an issued alert is in force.
/// </summary>
internal sealed record AlertTemplateCapInput(
    string? Event, string? Category, string? Urgency, string? Severity, string? Certainty, string? ResponseType,
    string? AreaDescription, IReadOnlyList<AlertTemplateGeocodeInput?>? Geocodes, int? ValidHours);

/// <summary>A geocode of the area, e.g. <c>ARS</c> = <c>059620032032</c>.</summary>
internal sealed record AlertTemplateGeocodeInput(string? ValueName, string? Value);

/// <summary>Issuing a template: a value for every placeholder it uses, e.g. <c>{"values": {"Ort": "Südstadt", "Zeit": "14:30"}}</c>.</summary>
internal sealed record IssueAlertTemplateRequest(IReadOnlyDictionary<string, string?>? Values);
