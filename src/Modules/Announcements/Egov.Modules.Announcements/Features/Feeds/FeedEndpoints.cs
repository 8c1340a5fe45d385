using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Engines.Syndication;
using Egov.Modules.Announcements.Features.Reading;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Reads;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Egov.Modules.Announcements.Features.Feeds;

/// <summary>
/// Anonymous feeds for feed readers, portals and the warning infrastructure — RSS 2.0 and Atom 1.0
/// of the announcements, Atom of the active alerts — and an event's iCalendar file. Each answer is
/// UTF-8 XML (or iCalendar) written by a writer, never text concatenation, with a strong ETag,
/// <c>304</c> on <c>If-None-Match</c> and <c>Cache-Control: public, max-age=60</c>.
/// </summary>
internal static class FeedEndpoints
{
    private const int MaxCategoryLength = 100;

    private const string FiltersNote =
        "Filters: `kind` (News, OfficialNotice, Event, Alert), `category` (a category code), `lang` (de, en, de-x-ls; default de, never from Accept-Language; German where a variant is missing). " +
        "The newest 50 published, unexpired announcements. Strong ETag; `If-None-Match` answers 304. Cache-Control public, max-age 60.";

    public static IEndpointRouteBuilder MapFeedEndpoints(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/feeds").WithTags("Feeds").AllowAnonymous();

        feeds.MapGet("/announcements.rss", (string? kind, string? category, string? lang, HttpContext http, ISender sender, FeedComposer composer, CancellationToken ct) =>
                AnnouncementsAsync(FeedFormat.Rss, kind, category, lang, http, sender, composer, ct))
            .CachePublicRead(PublicReadAudience.Everyone, null, AnnouncementReadRegion.Name)
            .WithName("GetAnnouncementsRss")
            .WithSummary("Announcements as RSS 2.0")
            .WithDescription(FiltersNote + " Items: title, link, description (sanitised HTML), category codes, guid `urn:uuid:` (not a permalink), pubDate (RFC 822, GMT); a corrected item has an \"updated\" note and `atom:updated`.")
            .Produces<string>(StatusCodes.Status200OK, RssWriter.MediaType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem();

        feeds.MapGet("/announcements.atom", (string? kind, string? category, string? lang, HttpContext http, ISender sender, FeedComposer composer, CancellationToken ct) =>
                AnnouncementsAsync(FeedFormat.Atom, kind, category, lang, http, sender, composer, ct))
            .CachePublicRead(PublicReadAudience.Everyone, null, AnnouncementReadRegion.Name)
            .WithName("GetAnnouncementsAtom")
            .WithSummary("Announcements as Atom 1.0 (RFC 4287)")
            .WithDescription(FiltersNote + " Entries: id `urn:uuid:`, title, updated (corrected-at, else published-at), published, summary, content (html), categories, alternate link.")
            .Produces<string>(StatusCodes.Status200OK, AtomWriter.MediaType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem();

        feeds.MapGet("/alerts.atom", async (string? lang, HttpContext http, ISender sender, FeedComposer composer, CancellationToken ct) =>
            {
                var language = FeedLanguage.Parse(lang);
                var alerts = await sender.Send(new ListActiveAlertsQuery(language), ct);
                return ConditionalFeed.Result(http, AtomWriter.Write(composer.Alerts(alerts, language)), AtomWriter.MediaType, FeedLanguage.Tag(language));
            })
            .CachePublicRead(PublicReadAudience.Everyone, null, AnnouncementReadRegion.Name)
            .WithName("GetAlertsAtom")
            .WithSummary("Alerts in force now as Atom 1.0, each linking its CAP 1.2 message")
            .WithDescription("Published, not expired, not superseded, not a Cancel. Each entry links `rel=\"alternate\" type=\"application/cap+xml\"` to `/api/v1/alerts/{id}` and carries the CAP facts as `cap:` elements. `lang` as for the announcements feeds. Strong ETag; 304; Cache-Control public, max-age 60.")
            .Produces<string>(StatusCodes.Status200OK, AtomWriter.MediaType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem();

        app.MapGet("/api/v1/announcements/{idOrSlug}/event.ics", async (string idOrSlug, string? lang, HttpContext http, ISender sender, FeedComposer composer, CancellationToken ct) =>
            {
                var language = FeedLanguage.Parse(lang);
                var announcement = await sender.Send(new GetAnnouncementQuery(idOrSlug, language), ct);
                if (announcement.Kind != AnnouncementKinds.Event || announcement.Event is null)
                {
                    throw new NotFoundException($"The announcement '{idOrSlug}' is not an event; only events have a calendar entry.");
                }

                var bytes = EventCalendarWriter.Write(announcement, composer.PageOf(announcement.Slug), composer.UidDomain, composer.Publisher);

                // The slug is ASCII letters, digits and hyphens: safe as a quoted file name.
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"{announcement.Slug}.ics\"";
                return ConditionalFeed.Result(http, bytes, EventCalendarWriter.MediaType, FeedLanguage.Tag(announcement.Language));
            })
            .AllowAnonymous()
            .WithTags("Announcements")
            .CachePublicRead(PublicReadAudience.Everyone, null, AnnouncementReadRegion.Name)
            .WithName("GetAnnouncementEventCalendar")
            .WithSummary("An event as iCalendar (RFC 5545), for \"add to calendar\"")
            .WithDescription("One VEVENT: UID `{id}@{host}`, DTSTART/DTEND in UTC, SUMMARY, DESCRIPTION (the summary, plain text), LOCATION, URL. 404 for an announcement that is not a public event. `lang` (de, en, de-x-ls). Strong ETag; 304; Cache-Control public, max-age 60.")
            .Produces<string>(StatusCodes.Status200OK, EventCalendarWriter.MediaType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<IResult> AnnouncementsAsync(
        FeedFormat format, string? kind, string? category, string? lang, HttpContext http, ISender sender, FeedComposer composer, CancellationToken ct)
    {
        var query = new ListFeedAnnouncementsQuery(ParseKind(kind), ParseCategory(category), FeedLanguage.Parse(lang));
        var feed = composer.Announcements(await sender.Send(query, ct), query, format);
        return format == FeedFormat.Rss
            ? ConditionalFeed.Result(http, RssWriter.Write(feed), RssWriter.MediaType, feed.Language)
            : ConditionalFeed.Result(http, AtomWriter.Write(feed), AtomWriter.MediaType, feed.Language);
    }

    /// <exception cref="RequestValidationException">Not a kind (field <c>kind</c>).</exception>
    private static AnnouncementKind? ParseKind(string? kind) =>
        string.IsNullOrWhiteSpace(kind) ? null
        : Enum.GetNames<AnnouncementKind>().FirstOrDefault(n => string.Equals(n, kind.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<AnnouncementKind>(name)
            : throw new RequestValidationException("kind", $"Must be one of: {string.Join(", ", Enum.GetNames<AnnouncementKind>())}.");

    /// <exception cref="RequestValidationException">Longer than any category code (field <c>category</c>).</exception>
    private static string? ParseCategory(string? category) =>
        string.IsNullOrWhiteSpace(category) ? null
        : category.Trim().Length <= MaxCategoryLength ? category.Trim()
        : throw new RequestValidationException("category", $"At most {MaxCategoryLength} characters.");
}
