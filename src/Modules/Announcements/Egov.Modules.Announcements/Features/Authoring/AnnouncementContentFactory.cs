using System.Globalization;
using System.Text;
using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Engines.Markdown;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Time;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Announcements.Features.Authoring;

/// <summary>Turns a checked <see cref="AnnouncementInput"/> into <see cref="AnnouncementContent"/>: renders and sanitises Markdown, reads Berlin times.</summary>
internal sealed class AnnouncementContentFactory(IOptions<AnnouncementOptions> options)
{
    /// <exception cref="RequestValidationException">A time cannot be read or breaks a rule (field named).</exception>
    public AnnouncementContent Create(AnnouncementInput input)
    {
        var variants = input.Variants
            .OrderBy(v => AnnouncementLanguages.All.ToList().IndexOf(v.Language))
            .Select(v => new AnnouncementVariant(v.Language, v.Title.Trim(), (v.Summary ?? "").Trim(), v.Body ?? "", MarkdownRenderer.ToSafeHtml(v.Body ?? "")))
            .ToList();
        EventDetails? details = null;
        if (input.Kind == AnnouncementKinds.Event && input.Event is { } e)
        {
            var start = BerlinLocalTime.Parse(e.Start, "event.start") ?? throw new RequestValidationException("event.start", "The start is required.");
            var end = BerlinLocalTime.Parse(e.End, "event.end") ?? throw new RequestValidationException("event.end", "The end is required.");
            details = end > start ? new EventDetails(start, end, e.Place.Trim()) : throw new RequestValidationException("event.end", "The end must be after the start.");
        }

        AlertDetails? alert = null;
        if (input.Kind == AnnouncementKinds.Alert && input.Alert is { } a)
        {
            var onset = BerlinLocalTime.Parse(a.Onset, "alert.onset")!.Value;
            var expires = BerlinLocalTime.Parse(a.Expires, "alert.expires")!.Value;
            if (expires <= onset)
            {
                throw new RequestValidationException("alert.expires", "An alert expires after its onset (CAP 1.2: sent ≤ onset < expires).");
            }

            alert = new AlertDetails(
                a.MsgType, a.References ?? [], a.Event.Trim(), a.Category, a.Urgency, a.Severity, a.Certainty, a.ResponseType, a.Instruction.Trim(),
                onset, expires, string.IsNullOrWhiteSpace(a.SenderName) ? options.Value.AlertSenderName : a.SenderName.Trim(),
                a.Contact?.Trim(), string.IsNullOrWhiteSpace(a.Web) ? null : new Uri(a.Web),
                [.. a.Areas.Select(area => new AlertArea(
                    area.Description.Trim(), area.Polygons ?? [],
                    [.. (area.Circles ?? []).Select(c => new AlertCircle(c.Latitude, c.Longitude, c.RadiusKm))],
                    [.. (area.Geocodes ?? []).Select(g => new AlertGeocode(g.ValueName.Trim(), g.Value.Trim()))]))]);
        }

        return new AnnouncementContent(
            variants,
            [.. (input.Images ?? []).Select(i => new AnnouncementImage(new Uri(i.Url), i.AltText!.Trim(), i.Caption?.Trim()))],
            [.. (input.Links ?? []).Select(l => new AnnouncementLink(new Uri(l.Url), l.Title.Trim()))],
            input.Kind == AnnouncementKinds.OfficialNotice ? input.LegalEffectDate : null,
            details,
            alert);
    }

    /// <summary>A slug from a German title: lowercase ASCII, umlauts transliterated (ä → ae, ß → ss), words joined by '-'.</summary>
    public static string Slugify(string title)
    {
        var text = title.ToLowerInvariant().Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal).Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                slug.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length == 0 ? "meldung" : result[..Math.Min(result.Length, 100)].Trim('-');
    }
}
