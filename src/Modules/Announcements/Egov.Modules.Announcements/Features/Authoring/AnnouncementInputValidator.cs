using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Announcements.Domain;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Announcements.Features.Authoring;

/// <summary>
/// Checks an announcement as entered; each error names its field in JSON spelling
/// (<c>variants[0].title</c>, <c>images[1].altText</c>, <c>alert.areas[0].polygons[0]</c>).
/// </summary>
internal sealed class AnnouncementInputValidator : AbstractValidator<AnnouncementInput>
{
    /// <summary>Longest Markdown body in characters (a long official notice fits several times).</summary>
    public const int MaxBodyLength = 100_000;

    private static readonly string[] CapCategories = ["Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health", "Env", "Transport", "Infra", "CBRNE", "Other"];
    private static readonly string[] Urgencies = ["Immediate", "Expected", "Future", "Past", "Unknown"];
    private static readonly string[] Severities = ["Extreme", "Severe", "Moderate", "Minor", "Unknown"];
    private static readonly string[] Certainties = ["Observed", "Likely", "Possible", "Unlikely", "Unknown"];
    private static readonly string[] ResponseTypes = ["Shelter", "Evacuate", "Prepare", "Execute", "Avoid", "Monitor", "Assess", "AllClear", "None"];
    private static readonly string[] MsgTypes = ["Alert", "Update", "Cancel"];

    /// <summary>The message for a null where an object belongs (<c>"variants": [null]</c>).</summary>
    private const string Present = "Give an object here, not null.";

    public AnnouncementInputValidator(IOptions<AnnouncementOptions> options)
    {
        var categories = options.Value.EffectiveCategories;
        RuleFor(a => a.Kind).Must(k => Enum.GetNames<AnnouncementKind>().Contains(k, StringComparer.Ordinal))
            .WithMessage($"Use one of: {string.Join(", ", Enum.GetNames<AnnouncementKind>())}.").OverridePropertyName("kind");
        RuleFor(a => a.Slug).Matches("^[a-z0-9]+(-[a-z0-9]+)*$").MaximumLength(120).When(a => !string.IsNullOrEmpty(a.Slug))
            .WithMessage("Use lowercase letters, digits and single '-', e.g. 'sperrung-bahnhofstrasse'.").OverridePropertyName("slug");

        // Stop at the first failure: the later rules read the list, which may be missing (null).
        RuleFor(a => a.Variants).Cascade(CascadeMode.Stop).NotEmpty().OverridePropertyName("variants")
            .Must(v => v.Any(x => x?.Language == AnnouncementLanguages.German)).WithMessage("A German variant (language 'de') is required.")
            .Must(v => v.Select(x => x?.Language).Distinct(StringComparer.Ordinal).Count() == v.Count).WithMessage("Each language only once.");
        RuleForEach(a => a.Variants).NotNull().WithMessage(Present).OverridePropertyName("variants");
        RuleForEach(a => a.Images).NotNull().WithMessage(Present).OverridePropertyName("images");
        RuleForEach(a => a.Links).NotNull().WithMessage(Present).OverridePropertyName("links");
        RuleForEach(a => a.Variants).ChildRules(v =>
        {
            v.RuleFor(x => x.Language).Must(l => AnnouncementLanguages.All.Contains(l))
                .WithMessage($"Use one of: {string.Join(", ", AnnouncementLanguages.All)}.").OverridePropertyName("language");
            v.RuleFor(x => x.Title).NotEmpty().MaximumLength(200).OverridePropertyName("title");
            v.RuleFor(x => x.Summary).MaximumLength(1000).OverridePropertyName("summary");
            v.RuleFor(x => x.Body).MaximumLength(MaxBodyLength).OverridePropertyName("body");
        }).OverridePropertyName("variants");

        RuleForEach(a => a.Categories).Must(c => c is not null && categories.ContainsKey(c)).OverridePropertyName("categories")
            .WithMessage((_, c) => $"'{c}' is not a category of this city. Use one of: {string.Join(", ", categories.Keys)}.");
        RuleForEach(a => a.Images).ChildRules(i =>
        {
            i.RuleFor(x => x.Url).Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
                .WithMessage("Use an absolute https URL.").OverridePropertyName("url");
            i.RuleFor(x => x.AltText).NotEmpty().WithMessage("Describe the image for people who cannot see it (alt text is required).")
                .MaximumLength(300).OverridePropertyName("altText");
            i.RuleFor(x => x.Caption).MaximumLength(300).OverridePropertyName("caption");
        }).OverridePropertyName("images");
        RuleForEach(a => a.Links).ChildRules(l =>
        {
            l.RuleFor(x => x.Url).Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
                .WithMessage("Use an absolute http(s) URL.").OverridePropertyName("url");
            l.RuleFor(x => x.Title).NotEmpty().MaximumLength(200).OverridePropertyName("title");
        }).OverridePropertyName("links");

        RuleFor(a => a.LegalEffectDate).NotNull().When(a => a.Kind == AnnouncementKinds.OfficialNotice)
            .WithMessage("An official notice needs the date it takes legal effect.").OverridePropertyName("legalEffectDate");
        RuleFor(a => a.Event).NotNull().When(a => a.Kind == AnnouncementKinds.Event)
            .WithMessage("An event needs start, end and place.").OverridePropertyName("event");
        RuleFor(a => a.Event!.Place).NotEmpty().MaximumLength(200).When(a => a.Event is not null).OverridePropertyName("event.place");
        RuleFor(a => a.Alert).NotNull().When(a => a.Kind == AnnouncementKinds.Alert)
            .WithMessage("An alert needs its CAP content.").OverridePropertyName("alert");
        RuleFor(a => a.Alert!).ChildRules(AlertRules).When(a => a.Alert is not null).OverridePropertyName("alert");
    }

    private static void AlertRules(InlineValidator<AlertInput> alert)
    {
        alert.RuleFor(x => x.MsgType).Must(MsgTypes.Contains).WithMessage("Use Alert, Update or Cancel.").OverridePropertyName("msgType");
        alert.RuleFor(x => x.References).NotEmpty().When(x => x.MsgType is "Update" or "Cancel")
            .WithMessage("An Update or Cancel names the alerts it updates or cancels.").OverridePropertyName("references");
        alert.RuleFor(x => x.Event).NotEmpty().MaximumLength(200).OverridePropertyName("event");
        alert.RuleFor(x => x.Category).Must(CapCategories.Contains).WithMessage($"Use one of: {string.Join(", ", CapCategories)}.").OverridePropertyName("category");
        alert.RuleFor(x => x.Urgency).Must(Urgencies.Contains).WithMessage($"Use one of: {string.Join(", ", Urgencies)}.").OverridePropertyName("urgency");
        alert.RuleFor(x => x.Severity).Must(Severities.Contains).WithMessage($"Use one of: {string.Join(", ", Severities)}.").OverridePropertyName("severity");
        alert.RuleFor(x => x.Certainty).Must(Certainties.Contains).WithMessage($"Use one of: {string.Join(", ", Certainties)}.").OverridePropertyName("certainty");
        alert.RuleFor(x => x.ResponseType).Must(ResponseTypes.Contains).WithMessage($"Use one of: {string.Join(", ", ResponseTypes)}.").OverridePropertyName("responseType");
        alert.RuleFor(x => x.Instruction).NotEmpty().MaximumLength(5000).OverridePropertyName("instruction");
        alert.RuleFor(x => x.Onset).NotEmpty().OverridePropertyName("onset");
        alert.RuleFor(x => x.Expires).NotEmpty().OverridePropertyName("expires");
        alert.RuleFor(x => x.Web).Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            .When(x => !string.IsNullOrEmpty(x.Web)).WithMessage("Use an absolute http(s) URL.").OverridePropertyName("web");
        alert.RuleFor(x => x.Areas).NotEmpty().WithMessage("An alert names at least one area.").OverridePropertyName("areas");
        alert.RuleForEach(x => x.Areas).ChildRules(area =>
        {
            area.RuleFor(a => a.Description).NotEmpty().MaximumLength(500).OverridePropertyName("description");
            area.RuleFor(a => a).Must(a => (a.Polygons?.Count ?? 0) + (a.Circles?.Count ?? 0) + (a.Geocodes?.Count ?? 0) > 0)
                .WithMessage("Give the area as polygon, circle or geocode.").OverridePropertyName("polygons");
            area.RuleForEach(a => a.Polygons).Must(ClosedRing).OverridePropertyName("polygons")
                .WithMessage("A polygon is a closed ring of at least 4 [latitude, longitude] points whose first and last point are equal (CAP 1.2 §3.2.4).");
            area.RuleForEach(a => a.Circles).Must(c => c.Latitude is >= -90 and <= 90 && c.Longitude is >= -180 and <= 180 && c.RadiusKm >= 0)
                .OverridePropertyName("circles").WithMessage("Latitude −90…90, longitude −180…180, radius ≥ 0 km.");
            area.RuleForEach(a => a.Geocodes).Must(g => !string.IsNullOrWhiteSpace(g.ValueName) && !string.IsNullOrWhiteSpace(g.Value))
                .OverridePropertyName("geocodes").WithMessage("A geocode has a valueName and a value.");
        }).OverridePropertyName("areas");
    }

    private static bool ClosedRing(IReadOnlyList<double[]> ring) =>
        ring.Count >= 4
        && ring.All(p => p is { Length: 2 } && p[0] is >= -90 and <= 90 && p[1] is >= -180 and <= 180)
        && ring[0].SequenceEqual(ring[^1]);
}
