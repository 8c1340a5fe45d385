using System.Security.Claims;
using Egov.Modules.Announcements.Domain;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Http;
using Egov.SharedKernel.Paging;
using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Egov.Modules.Announcements.Features.Authoring;

/// <summary>
/// The editorial API (realm staff; roles checked per action: Editor writes, Approver approves,
/// CrisisManager writes and issues alerts).
/// </summary>
internal static class AuthoringEndpoints
{
    private const string IfMatchNote = " Needs `If-Match` with the ETag last read: 428 without, 412 when it changed since.";

    public static IEndpointRouteBuilder MapAuthoringEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/announcements").WithTags("Announcements (editorial)").RequireAuthorization(EgovPolicies.Staff);

        group.MapGet("/manage", async Task<Ok<CursorPage<AnnouncementEditorSummary>>> (
                string? status, string? kind, bool? breakGlass, string? cursor, int? limit, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListAnnouncementsForEditingQuery(
                    Actor(http), Parse<AnnouncementStatus>(status, "status"), Parse<AnnouncementKind>(kind, "kind"), breakGlass, cursor, limit), ct)))
            .WithName("ListAnnouncementsForEditing")
            .WithSummary("All announcements in any state, last changed first (`breakGlass=true`: alerts awaiting review)")
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}/editor", async Task<Ok<AnnouncementEditorView>> (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                WithETag(http, await sender.Send(new GetAnnouncementForEditingQuery(Actor(http), id), ct)))
            .WithName("GetAnnouncementForEditing")
            .WithSummary("One announcement in any state with its workflow details and ETag")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async Task<Created<AnnouncementEditorView>> (AnnouncementInput input, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(new CreateAnnouncementCommand(Actor(http), input), ct);
                http.Response.Headers.ETag = created.ETag;
                return TypedResults.Created($"/api/v1/announcements/{created.Id}/editor", created);
            })
            .WithMetadata(new RequestSizeLimitAttribute(1024 * 1024))
            .WithName("CreateAnnouncement")
            .WithSummary("Write a draft (Editor; alerts also CrisisManager)")
            .WithDescription("Body Markdown is rendered and sanitised (no scripts, no event attributes, only http/https/mailto links). Times are Europe/Berlin local times; inside the spring-forward gap they are refused, inside the autumn overlap they need an offset. At most 1 MB per request (413).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        group.MapPut("/{id:guid}", async Task<Ok<AnnouncementEditorView>> (Guid id, UpdateAnnouncementRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
                WithETag(http, await sender.Send(new UpdateAnnouncementCommand(Actor(http), id, IfMatch(http), request.Announcement, request.CorrectionNote), ct)))
            .WithMetadata(new RequestSizeLimitAttribute(1024 * 1024))
            .WithName("UpdateAnnouncement")
            .WithSummary("Edit a draft or scheduled announcement, or correct a published one (with `correctionNote`: a new revision, marked as updated)")
            .WithDescription("Editing drops an earlier approval." + IfMatchNote)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapPost("/{id:guid}/approve", async Task<Ok<AnnouncementEditorView>> (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                WithETag(http, await sender.Send(new ApproveAnnouncementCommand(Actor(http), id, IfMatch(http)), ct)))
            .WithName("ApproveAnnouncement")
            .WithSummary("Approve an official notice or alert (Approver; never one's own), or review a break-glass alert")
            .WithDescription(IfMatchNote.Trim())
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapPost("/{id:guid}/publish", async Task<Ok<AnnouncementEditorView>> (Guid id, PublishRequest? request, HttpContext http, ISender sender, CancellationToken ct) =>
                WithETag(http, await sender.Send(new PublishAnnouncementCommand(Actor(http), id, IfMatch(http), request?.ExpireAt), ct)))
            .WithName("PublishAnnouncement")
            .WithSummary("Publish now (official notices and alerts need an approval; a CrisisManager may issue an alert alone: break-glass)")
            .WithDescription(IfMatchNote.Trim())
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapPost("/{id:guid}/schedule", async Task<Ok<AnnouncementEditorView>> (Guid id, ScheduleRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
                WithETag(http, await sender.Send(new ScheduleAnnouncementCommand(Actor(http), id, IfMatch(http), request.PublishAt, request.ExpireAt), ct)))
            .WithName("ScheduleAnnouncement")
            .WithSummary("Publish at a Europe/Berlin local time (and expire at another)")
            .WithDescription("`publishAt`/`expireAt` like `2026-12-01T08:00`; a time in the spring-forward gap is refused; one in the autumn overlap needs `+02:00` or `+01:00`." + IfMatchNote)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapPost("/{id:guid}/archive", async Task<Ok<AnnouncementEditorView>> (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                WithETag(http, await sender.Send(new ArchiveAnnouncementCommand(Actor(http), id, IfMatch(http)), ct)))
            .WithName("ArchiveAnnouncement")
            .WithSummary("Take an announcement down")
            .WithDescription(IfMatchNote.Trim())
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return app;
    }

    /// <summary>The staff member a request acts for, with the roles that matter for announcements.</summary>
    internal static ContentActor Actor(HttpContext http)
    {
        var user = http.User;
        return new ContentActor(
            user.FindFirstValue(EgovClaimTypes.Subject)!,
            user.FindFirstValue(EgovClaimTypes.Name) ?? user.FindFirstValue(EgovClaimTypes.Subject)!,
            user.IsInRole(EgovRoles.Editor),
            user.IsInRole(EgovRoles.Approver),
            user.IsInRole(EgovRoles.CrisisManager));
    }

    private static Ok<AnnouncementEditorView> WithETag(HttpContext http, AnnouncementEditorView view)
    {
        http.Response.Headers.ETag = view.ETag;
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(view);
    }

    private static int? IfMatch(HttpContext http) => EntityTags.IfMatchRevision(http);

    private static T? Parse<T>(string? value, string field)
        where T : struct, Enum =>
        string.IsNullOrWhiteSpace(value) ? null
        : Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<T>(name)
            : throw new RequestValidationException(field, $"Must be one of: {string.Join(", ", Enum.GetNames<T>())}.");
}

/// <param name="Announcement">The new content (same kind).</param>
/// <param name="CorrectionNote">Required for a published announcement: what changed and why; readers see it.</param>
internal sealed record UpdateAnnouncementRequest(AnnouncementInput Announcement, string? CorrectionNote);

/// <param name="ExpireAt">Optional Europe/Berlin local time to stop listing it.</param>
internal sealed record PublishRequest(string? ExpireAt);

/// <param name="PublishAt">Europe/Berlin local time, e.g. <c>2026-12-01T08:00</c>.</param>
/// <param name="ExpireAt">Optional Europe/Berlin local time, after <paramref name="PublishAt"/>.</param>
internal sealed record ScheduleRequest(string PublishAt, string? ExpireAt);
