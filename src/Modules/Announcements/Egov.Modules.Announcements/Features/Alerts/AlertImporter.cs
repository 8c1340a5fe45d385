using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Engines.Cap;
using Egov.Modules.Announcements.Engines.Markdown;
using Egov.Modules.Announcements.Features.Authoring;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Announcements.Features.Alerts;

/// <summary>
/// Turns an accepted official warning into a draft alert: the German info becomes
/// the German variant (<c>de-LS</c> → plain language <c>de-x-ls</c>, English → <c>en</c>; other
/// languages are left out). An Update or Cancel is linked to the alert imported earlier from the
/// warning it references; a Cancel of a warning never imported here is refused, an Update of one
/// becomes a new alert. Used by the upload (<see cref="ImportAlertHandler"/>) and by the
/// automatic reader of the federal warning API (<c>OfficialWarningReader</c>).
/// </summary>
internal static class AlertImporter
{
    /// <summary>Adds the draft to <paramref name="db"/> (tracked; the caller saves).</summary>
    /// <exception cref="DomainRuleException">Not a public, actual warning; no German info; a Cancel of a warning never imported; an Ack or Error message.</exception>
    public static async Task<Announcement> DraftAsync(
        AnnouncementsDbContext db, CapAlert cap, ContentActor author, AnnouncementOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (cap.Status != CapStatus.Actual || cap.Scope != CapScope.Public)
        {
            // Exercises, tests and restricted messages must never reach the public as real warnings (CAP 1.2 §3.2.1).
            throw new DomainRuleException($"Only public, actual warnings are re-published; this one is {cap.Status} with scope {cap.Scope}.");
        }

        var german = cap.Infos.FirstOrDefault(i => IsGerman(i.Language))
            ?? throw new DomainRuleException("The warning has no German info; Egov publishes German first.");
        var (msgType, references) = await LinkAsync(db, cap, cancellationToken);
        var variants = cap.Infos
            .Select(i => (Language: Map(i.Language), Info: i))
            .Where(x => x.Language is not null)
            .GroupBy(x => x.Language)
            .Select(g => g.First())
            .OrderBy(x => AnnouncementLanguages.All.ToList().IndexOf(x.Language!))
            .Select(x => Variant(x.Language!, x.Info))
            .ToList();
        var onset = german.Onset ?? german.Effective ?? cap.Sent;
        var alert = new AlertDetails(
            msgType, references, german.Event, german.Categories.Count > 0 ? german.Categories[0].ToString() : nameof(CapCategory.Other),
            german.Urgency.ToString(), german.Severity.ToString(), german.Certainty.ToString(),
            german.ResponseTypes.Count > 0 ? german.ResponseTypes[0].ToString() : nameof(CapResponseType.None),
            Text(german.Instruction) is { Length: > 0 } instruction ? instruction : Text(german.Description),
            onset.ToUniversalTime(), (german.Expires ?? onset.AddHours(24)).ToUniversalTime(),
            german.SenderName ?? cap.Sender, german.Contact, Uri.TryCreate(german.Web, UriKind.Absolute, out var web) ? web : null,
            [.. german.Areas.Select(a => new AlertArea(
                a.Description,
                [.. a.Polygons.Select(p => (IReadOnlyList<double[]>)[.. p.Points.Select(pt => new[] { (double)pt.Latitude, (double)pt.Longitude })])],
                [.. a.Circles.Select(c => new AlertCircle((double)c.Center.Latitude, (double)c.Center.Longitude, (double)c.RadiusKm))],
                [.. a.Geocodes.Select(g => new AlertGeocode(g.ValueName, g.Value))]))],
            ImportedFrom: $"{cap.Sender},{cap.Identifier},{CapText.FormatDateTime(cap.Sent)}");
        var content = new AnnouncementContent(variants, [], [], null, null, alert);
        // The same warning may be imported more than once (e.g. for two areas): a random suffix keeps slugs unique.
        var slug = $"{AnnouncementContentFactory.Slugify(content.German.Title)}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..8]}";
        var categories = options.EffectiveCategories.ContainsKey("warnings") ? new[] { "warnings" } : [];
        var announcement = Announcement.CreateDraft(AnnouncementKind.Alert, slug, content, categories, author, now);
        db.Announcements.Add(announcement);
        return announcement;
    }

    private static async Task<(string MsgType, IReadOnlyList<Guid> References)> LinkAsync(AnnouncementsDbContext db, CapAlert cap, CancellationToken cancellationToken)
    {
        if (cap.MessageType is not (CapMessageType.Update or CapMessageType.Cancel))
        {
            return cap.MessageType == CapMessageType.Alert
                ? (nameof(CapMessageType.Alert), [])
                : throw new DomainRuleException($"A CAP message of type {cap.MessageType} is not a warning to re-publish.");
        }

        var wanted = cap.References.Select(r => $"{r.Sender},{r.Identifier},").ToList();
        var imported = await db.Announcements.AsNoTracking()
            .Where(a => a.Kind == AnnouncementKind.Alert && a.Status != AnnouncementStatus.Archived)
            .ToListAsync(cancellationToken);
        var linked = imported
            .Where(a => a.Content.Alert?.ImportedFrom is { } from && wanted.Any(w => from.StartsWith(w, StringComparison.Ordinal)))
            .Select(a => a.Id)
            .ToList();
        if (linked.Count > 0)
        {
            return (cap.MessageType.ToString(), linked);
        }

        return cap.MessageType == CapMessageType.Cancel
            ? throw new DomainRuleException("This Cancel refers to warnings that were never imported here; there is nothing to cancel.")
            : (nameof(CapMessageType.Alert), []);
    }

    private static AnnouncementVariant Variant(string language, CapInfo info)
    {
        var title = Text(info.Headline) is { Length: > 0 } headline ? headline : info.Event;
        var description = Text(info.Description);
        var body = string.Join("\n\n", new[] { description, Text(info.Instruction) }.Where(t => t.Length > 0));
        return new AnnouncementVariant(language, Truncate(title, 200), Truncate(description, 1000), body, MarkdownRenderer.ToSafeHtml(body));
    }

    private static bool IsGerman(string language) => Map(language) == AnnouncementLanguages.German;

    /// <summary>CAP language (RFC 3066) to an Egov variant; null for languages Egov does not serve.</summary>
    private static string? Map(string language) => language.ToLowerInvariant() switch
    {
        "de-ls" or "de-x-ls" => AnnouncementLanguages.PlainGerman,
        var l when l == "de" || l.StartsWith("de-", StringComparison.Ordinal) => AnnouncementLanguages.German,
        var l when l == "en" || l.StartsWith("en-", StringComparison.Ordinal) => AnnouncementLanguages.English,
        _ => null,
    };

    /// <summary>Plain text of a warning's text: HTML line breaks of the warning app become line breaks; Markdown shows the rest as text.</summary>
    private static string Text(string? value) =>
        (value ?? "").Replace("<br/>", "\n", StringComparison.OrdinalIgnoreCase).Replace("<br>", "\n", StringComparison.OrdinalIgnoreCase)
            .Replace("&quot;", "\"", StringComparison.Ordinal).Trim();

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..(length - 1)] + "…";
}
