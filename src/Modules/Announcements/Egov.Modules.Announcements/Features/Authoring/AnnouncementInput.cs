namespace Egov.Modules.Announcements.Features.Authoring;

/// <summary>An announcement as an editor writes it. Times are Europe/Berlin local times (see <c>BerlinLocalTime</c>).</summary>
/// <param name="Kind"><c>News</c>, <c>OfficialNotice</c>, <c>Event</c> or <c>Alert</c>.</param>
/// <param name="Slug">URL name (lowercase letters, digits, '-'); made from the German title when empty.</param>
/// <param name="Variants">Language variants; <c>de</c> required; <c>en</c> and <c>de-x-ls</c> optional.</param>
/// <param name="Categories">Codes from the configured list (<c>Egov:Announcements:Categories</c>).</param>
/// <param name="Images">Images with alt text.</param>
/// <param name="Links">Further links.</param>
/// <param name="LegalEffectDate">OfficialNotice: the date it takes legal effect.</param>
/// <param name="Event">Event: start, end, place.</param>
/// <param name="Alert">Alert: the CAP content.</param>
internal sealed record AnnouncementInput(
    string Kind,
    string? Slug,
    IReadOnlyList<VariantInput> Variants,
    IReadOnlyList<string>? Categories,
    IReadOnlyList<ImageInput>? Images,
    IReadOnlyList<LinkInput>? Links,
    DateOnly? LegalEffectDate,
    EventInput? Event,
    AlertInput? Alert);

/// <param name="Language"><c>de</c>, <c>en</c> or <c>de-x-ls</c>.</param>
/// <param name="Title">Plain text, at most 200 characters.</param>
/// <param name="Summary">Plain text, at most 1,000 characters.</param>
/// <param name="Body">Markdown (CommonMark), at most 100,000 characters; raw HTML is shown as text.</param>
internal sealed record VariantInput(string Language, string Title, string? Summary, string? Body);

/// <param name="Url">Absolute https URL.</param>
/// <param name="AltText">What the image shows, for screen readers (required).</param>
/// <param name="Caption">Optional caption.</param>
internal sealed record ImageInput(string Url, string? AltText, string? Caption);

/// <param name="Url">Absolute http(s) URL.</param>
/// <param name="Title">Link text.</param>
internal sealed record LinkInput(string Url, string Title);

/// <param name="Start">Europe/Berlin local time, e.g. <c>2026-12-05T14:00</c>.</param>
/// <param name="End">Europe/Berlin local time, after the start.</param>
/// <param name="Place">Where, e.g. "Marktplatz".</param>
internal sealed record EventInput(string Start, string End, string Place);

/// <summary>CAP 1.2 alert content as entered (OASIS CAP 1.2 §3.2.2, §3.2.4).</summary>
internal sealed record AlertInput(
    string MsgType,
    IReadOnlyList<Guid>? References,
    string Event,
    string Category,
    string Urgency,
    string Severity,
    string Certainty,
    string ResponseType,
    string Instruction,
    string Onset,
    string Expires,
    string? SenderName,
    string? Contact,
    string? Web,
    IReadOnlyList<AreaInput> Areas);

/// <param name="Description">areaDesc.</param>
/// <param name="Polygons">Rings of [latitude, longitude] points; closed; at least 4 points.</param>
/// <param name="Circles">Centre and radius in km.</param>
/// <param name="Geocodes">e.g. <c>{ "valueName": "ARS", "value": "051110000000" }</c>.</param>
internal sealed record AreaInput(
    string Description,
    IReadOnlyList<IReadOnlyList<double[]>>? Polygons,
    IReadOnlyList<CircleInput>? Circles,
    IReadOnlyList<GeocodeInput>? Geocodes);

/// <param name="Latitude">WGS 84 latitude, −90 to 90.</param>
/// <param name="Longitude">WGS 84 longitude, −180 to 180.</param>
/// <param name="RadiusKm">Radius in kilometres, ≥ 0.</param>
internal sealed record CircleInput(double Latitude, double Longitude, double RadiusKm);

/// <param name="ValueName">e.g. <c>ARS</c>, <c>AGS</c>, <c>WARNCELLID</c>.</param>
/// <param name="Value">The code.</param>
internal sealed record GeocodeInput(string ValueName, string Value);
