using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Engines.Syndication;
using Egov.Modules.Announcements.Features.Authoring;
using Egov.Modules.Announcements.Features.Reading;
using Egov.SharedKernel.Hosting;
using Egov.SharedKernel.Time;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Announcements.Features.Feeds;

/// <summary>
/// Turns public announcements (<see cref="AnnouncementDetail"/>) into a <see cref="FeedDocument"/>:
/// absolute links from <c>Egov:PublicBaseAddress</c>, category labels from <c>Egov:Announcements</c>,
/// the publisher's texts from <c>Egov:Announcements:Feeds</c>, and the entry HTML (the "updated" note
/// of a correction, the sanitised body, an alert's instruction).
/// </summary>
internal sealed class FeedComposer(IOptions<PublicSiteOptions> site, IOptions<FeedOptions> feedOptions, IOptions<AnnouncementOptions> announcementOptions)
{
    /// <summary>Encodes user text for HTML; unlike <see cref="HtmlEncoder.Default"/> it keeps umlauts and typographic quotes as they are.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly PublicSiteOptions _site = site.Value;
    private readonly FeedOptions _feed = feedOptions.Value;
    private readonly IReadOnlyDictionary<string, string> _categoryLabels = announcementOptions.Value.EffectiveCategories;

    /// <summary>Host name in iCalendar UIDs (<c>{id}@{host}</c>, RFC 5545 §3.8.4.7).</summary>
    public string UidDomain => _site.PublicBaseAddress.Host;

    /// <summary>Who publishes the feeds and calendars.</summary>
    public string Publisher => _feed.Publisher;

    /// <summary>The public web page of an announcement: <c>{PublicBaseAddress}announcements/{slug}</c>.</summary>
    public Uri PageOf(string slug) => _site.Link($"announcements/{Uri.EscapeDataString(slug)}");

    /// <summary>The announcements feed in <paramref name="format"/> (its self address keeps the filters).</summary>
    public FeedDocument Announcements(IReadOnlyList<AnnouncementDetail> announcements, ListFeedAnnouncementsQuery query, FeedFormat format)
    {
        var path = format == FeedFormat.Rss ? "feeds/announcements.rss" : "feeds/announcements.atom";
        var parameters = new List<KeyValuePair<string, string?>>();
        if (query.Kind is { } kind)
        {
            parameters.Add(new("kind", kind.ToString()));
        }

        if (query.Category is { } category)
        {
            parameters.Add(new("category", category));
        }

        if (query.Language != AnnouncementLanguages.German)
        {
            parameters.Add(new("lang", query.Language));
        }

        return Document(
            _feed.AnnouncementsTitle, _feed.AnnouncementsDescription, query.Language,
            _site.Link(QueryHelpers.AddQueryString(path, parameters)), _site.Link("announcements"),
            [.. announcements.Select(a => Entry(a, alternates: []))]);
    }

    /// <summary>The alerts feed (Atom): each entry also links its CAP 1.2 message, <c>{PublicBaseAddress}api/v1/alerts/{id}</c>.</summary>
    public FeedDocument Alerts(IReadOnlyList<AnnouncementDetail> alerts, string language)
    {
        var self = language == AnnouncementLanguages.German ? "feeds/alerts.atom" : $"feeds/alerts.atom?lang={Uri.EscapeDataString(language)}";
        return Document(
            _feed.AlertsTitle, _feed.AlertsDescription, language, _site.Link(self), _site.Link("announcements?kind=Alert"),
            [.. alerts.Select(a => Entry(a, alternates: [new FeedLink(_site.Link($"api/v1/alerts/{a.Id:D}"), "application/cap+xml")]))]);
    }

    private FeedDocument Document(string title, string description, string language, Uri self, Uri page, IReadOnlyList<FeedEntry> entries) => new(
        title, description, FeedLanguage.Tag(language), _feed.Publisher, _site.PublicBaseAddress, self, page,
        entries.Count == 0 ? DateTimeOffset.UnixEpoch : entries.Max(e => e.Updated),
        entries);

    private FeedEntry Entry(AnnouncementDetail a, IReadOnlyList<FeedLink> alternates) => new(
        a.Id,
        a.Title,
        a.Summary,
        ContentHtml(a),
        FeedLanguage.Tag(a.Language),
        PageOf(a.Slug),
        [.. a.Categories.Select(c => new FeedCategory(c, _categoryLabels.TryGetValue(c, out var label) ? label : null))],
        a.PublishedAt,
        a.UpdatedAt ?? a.PublishedAt,
        a.UpdatedAt is not null,
        alternates,
        a.Alert is { } alert
            ? new FeedAlertFacts(alert.MsgType, alert.Event, alert.Category, alert.Urgency, alert.Severity, alert.Certainty,
                alert.Onset, alert.Expires, string.Join("; ", alert.Areas.Select(area => area.Description)))
            : null);

    /// <summary>
    /// The entry's HTML: the correction note first (the visible "updated" mark, the time in
    /// Europe/Berlin), then the sanitised body (or the summary when there is no body), then an
    /// alert's instruction. The body is served as sanitised at authoring; every other text is encoded here.
    /// </summary>
    private static string ContentHtml(AnnouncementDetail a)
    {
        var english = a.Language == AnnouncementLanguages.English;
        var html = new StringBuilder();
        if (a.UpdatedAt is { } correctedAt)
        {
            var local = CivilTime.ToBerlin(correctedAt);
            var mark = english
                ? string.Create(CultureInfo.InvariantCulture, $"Updated on {local:d MMMM yyyy} at {local:HH:mm} (German time):")
                : string.Create(CultureInfo.InvariantCulture, $"Aktualisiert am {local:dd.MM.yyyy} um {local:HH:mm} Uhr:");
            html.Append("<p><strong>").Append(Html.Encode(mark)).Append("</strong> ").Append(Html.Encode(a.CorrectionNote ?? "")).Append("</p>\n");
        }

        html.Append(string.IsNullOrWhiteSpace(a.BodyHtml) ? $"<p>{Html.Encode(a.Summary)}</p>" : a.BodyHtml);
        if (a.Alert is { Instruction: { Length: > 0 } instruction })
        {
            html.Append("\n<p><strong>").Append(english ? "What to do:" : "Was Sie tun sollten:").Append("</strong> ")
                .Append(Html.Encode(instruction)).Append("</p>");
        }

        return html.ToString();
    }
}

/// <summary>The two syndication formats.</summary>
internal enum FeedFormat
{
    /// <summary>RSS 2.0.</summary>
    Rss,

    /// <summary>Atom 1.0 (RFC 4287).</summary>
    Atom,
}
