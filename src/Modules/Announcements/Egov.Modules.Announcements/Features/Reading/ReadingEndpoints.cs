using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Announcements.Domain;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Http;
using Egov.SharedKernel.Paging;
using Egov.SharedKernel.Reads;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Egov.Modules.Announcements.Features.Reading;

/// <summary>Anonymous reads for the app, the web and anyone: lists, details, active alerts.</summary>
internal static class ReadingEndpoints
{
    public static IEndpointRouteBuilder MapReadingEndpoints(this IEndpointRouteBuilder app)
    {
        var announcements = app.MapGroup("/api/v1/announcements").WithTags("Announcements").AllowAnonymous();
        announcements.MapGet("/", async (
                string? kind, string? category, string? lang, DateTimeOffset? since, string? q, string? cursor, int? limit,
                HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var language = ConditionalJson.Language(http, lang);
                var filter = new AnnouncementFilter(ParseKind(kind), string.IsNullOrWhiteSpace(category) ? null : category.Trim(), language, since, q);
                return ConditionalJson.Result(http, await sender.Send(new ListAnnouncementsQuery(filter, cursor, limit), ct), language);
            })
            .CachePublicRead(PublicReadAudience.Everyone, ConditionalJson.Variant, AnnouncementReadRegion.Name)
            .WithName("ListAnnouncements")
            .WithSummary("Published announcements, newest first")
            .WithDescription("Filters: `kind`, `category`, `since` (instant), `q` (German full-text search), `lang` (de, en, de-x-ls; default from Accept-Language; German where a variant is missing). Cursor paging with `limit` (1–100, default 20) and `nextCursor`. Strong ETag; `If-None-Match` answers 304. Cache-Control public, max-age 60.")
            .Produces<CursorPage<AnnouncementSummary>>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem();

        announcements.MapGet("/{idOrSlug}", async (string idOrSlug, string? lang, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var language = ConditionalJson.Language(http, lang);
                return ConditionalJson.Result(http, await sender.Send(new GetAnnouncementQuery(idOrSlug, language), ct), language);
            })
            .CachePublicRead(PublicReadAudience.Everyone, ConditionalJson.Variant, AnnouncementReadRegion.Name)
            .WithName("GetAnnouncement")
            .WithSummary("One announcement by id or slug, with sanitised HTML")
            .Produces<AnnouncementDetail>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/v1/alerts/active", async (string? lang, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var language = ConditionalJson.Language(http, lang);
                return ConditionalJson.Result(http, await sender.Send(new ListActiveAlertsQuery(language), ct), language);
            })
            .AllowAnonymous()
            .CachePublicRead(PublicReadAudience.Everyone, ConditionalJson.Variant, AnnouncementReadRegion.Name)
            .WithTags("Alerts")
            .WithName("ListActiveAlerts")
            .WithSummary("Alerts in force now (for the app's banner)")
            .Produces<IReadOnlyList<AnnouncementDetail>>()
            .Produces(StatusCodes.Status304NotModified);
        return app;
    }

    /// <exception cref="RequestValidationException">Not a kind (field <c>kind</c>).</exception>
    private static AnnouncementKind? ParseKind(string? kind) =>
        string.IsNullOrWhiteSpace(kind) ? null
        : Enum.GetNames<AnnouncementKind>().FirstOrDefault(n => string.Equals(n, kind.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<AnnouncementKind>(name)
            : throw new RequestValidationException("kind", $"Must be one of: {string.Join(", ", Enum.GetNames<AnnouncementKind>())}.");
}
