using Egov.Modules.Outreach.Domain.Posts;
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
using static Egov.Modules.Outreach.Features.OutreachHttp;

namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>
/// Posts and their workflow (realm staff; roles checked per action: Editor drafts and submits,
/// Approver approves or rejects — never their own —, CrisisManager drafts and may approve their own
/// crisis post: break-glass).
/// </summary>
internal static class PostEndpoints
{
    private const string ChecksNote = " Runs the checks first: a blocking finding answers 422 with the report in `checks`, and nothing changes.";

    public static IEndpointRouteBuilder MapPostEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/outreach/posts").WithTags("Outreach: posts").RequireAuthorization(EgovPolicies.Staff);

        group.MapGet("/", async Task<Ok<CursorPage<PostSummary>>> (string? status, bool? breakGlass, string? cursor, int? limit, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListPostsQuery(Actor(http), ParseEnum<PostStatus>(status, "status"), breakGlass, cursor, limit), ct)))
            .WithName("ListPosts")
            .WithSummary("Posts, last changed first (`status=InReview`: the approval queue; `breakGlass=true`: self-approved crisis posts awaiting review)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{id:guid}", async Task<Ok<PostView>> (Guid id, HttpContext http, ISender sender, CancellationToken ct) => Tagged(http, await sender.Send(new GetPostQuery(Actor(http), id), ct)))
            .WithName("GetPost")
            .WithSummary("One post with its variants, approval and ETag")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/history", async Task<Ok<IReadOnlyList<PostHistoryView>>> (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetPostHistoryQuery(Actor(http), id), ct)))
            .WithName("GetPostHistory")
            .WithSummary("The post's audit history: every step with who, when, the guideline version and the check results")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/check", async Task<Ok<PostCheckReport>> (PostInput? input, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CheckDraftQuery(Actor(http), Body(input)), ct)))
            .WithMetadata(new RequestSizeLimitAttribute(1024 * 1024))
            .WithName("CheckPostDraft")
            .WithSummary("Dry run of the checks for an editor's screen: per channel the exact text, its count against the platform's limit, and the findings")
            .WithDescription("Nothing is stored. Images are checked on a saved post (`GET /{id}/check`).")
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}/check", async Task<Ok<PostCheckReport>> (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CheckPostQuery(Actor(http), id), ct)))
            .WithName("CheckPost")
            .WithSummary("The checks of a saved post as they stand now")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async Task<Created<PostView>> (PostInput? input, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var view = await sender.Send(new CreatePostCommand(Actor(http), Body(input)), ct);
                http.Response.Headers.ETag = Egov.SharedKernel.Http.EntityTags.OfRevision(view.Version);
                return TypedResults.Created($"/api/v1/outreach/posts/{view.Id}", view);
            })
            .WithMetadata(new RequestSizeLimitAttribute(1024 * 1024))
            .WithName("CreatePost")
            .WithSummary("Draft a post (Editor; crisis posts also CrisisManager); needs the guidelines in force acknowledged")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPut("/{id:guid}", async Task<Ok<PostView>> (Guid id, PostInput? input, HttpContext http, ISender sender, CancellationToken ct) =>
                Tagged(http, await sender.Send(new UpdatePostCommand(Actor(http), id, IfMatch(http), Body(input)), ct)))
            .WithMetadata(new RequestSizeLimitAttribute(1024 * 1024))
            .WithName("UpdatePost")
            .WithSummary("Edit a post; an approved or scheduled post goes back to review, a rejected one becomes a draft")
            .WithDescription(IfMatchNote.Trim())
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapPost("/{id:guid}/media", async Task<Created<PostMediaView>> (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                if (!http.Request.HasFormContentType)
                {
                    throw new BadHttpRequestException("Send the image as multipart/form-data with one 'file' part.", StatusCodes.Status415UnsupportedMediaType);
                }

                // The form is read here, not bound: binding would add browser antiforgery checks to
                // a bearer-token API. The image is recognised by its bytes in the handler.
                var form = await FormBody.ReadAsync(http.Request, ct);
                var file = form.Files.GetFile("file") ?? throw new RequestValidationException("file", "Send one image in the 'file' part.");
                if (file.Length > PostRules.MaxMediaBytes)
                {
                    throw new RequestValidationException("file", $"At most {PostRules.MaxMediaBytes / 1024 / 1024} MB per image.");
                }

                using var buffer = new MemoryStream((int)file.Length);
                await file.CopyToAsync(buffer, ct);
                var view = await sender.Send(new UploadPostMediaCommand(Actor(http), id, file.FileName, buffer.ToArray()), ct);
                return TypedResults.Created($"/api/v1/outreach/posts/{id}/media/{view.Id}", view);
            })
            .WithMetadata(new RequestSizeLimitAttribute(PostRules.MaxMediaBytes + 64 * 1024))
            .WithName("UploadPostMedia")
            .WithSummary("Upload an image to a post (multipart field `file`; PNG, JPEG, GIF or WebP, at most 10 MB; scanned for malware: 422 when infected, 503 while the scanner is down); name it with alt text in a variant")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/{id:guid}/media/{mediaId:guid}", async Task<FileContentHttpResult> (Guid id, Guid mediaId, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var media = await sender.Send(new GetPostMediaQuery(Actor(http), id, mediaId), ct);
                http.Response.Headers.CacheControl = "private, no-store";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return TypedResults.File(media.Content, media.ContentType);
            })
            .WithName("GetPostMedia")
            .WithSummary("An uploaded image")
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapTransition(group, "submit", "SubmitPost", "Hand the post to the press office (Editor)." + ChecksNote,
            (id, http) => new SubmitPostCommand(Actor(http), id, IfMatch(http)));
        MapTransition(group, "approve", "ApprovePost", "Approve (Approver who neither wrote nor edited it; a CrisisManager their own crisis post: break-glass). Records who, when, the guideline version and the checks." + ChecksNote,
            (id, http) => new ApprovePostCommand(Actor(http), id, IfMatch(http)));

        group.MapPost("/{id:guid}/reject", async Task<Ok<PostView>> (Guid id, RejectPostInput? input, HttpContext http, ISender sender, CancellationToken ct) =>
                Tagged(http, await sender.Send(new RejectPostCommand(Actor(http), id, IfMatch(http), input ?? new RejectPostInput(null)), ct)))
            .WithName("RejectPost")
            .WithSummary("Send the post back with a reason (Approver)")
            .WithDescription(IfMatchNote.Trim())
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapPost("/{id:guid}/schedule", async Task<Ok<PostView>> (Guid id, SchedulePostInput? input, HttpContext http, ISender sender, CancellationToken ct) =>
                Tagged(http, await sender.Send(new SchedulePostCommand(Actor(http), id, IfMatch(http), input ?? new SchedulePostInput(null)), ct)))
            .WithName("SchedulePost")
            .WithSummary("Let an approved post go out now or at a Europe/Berlin local time")
            .WithDescription("While a crisis alert is active, non-crisis posts wait (`heldByAlert`) and go out after it ends." + IfMatchNote)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapPost("/{id:guid}/cancel", async Task<Ok<PostView>> (Guid id, CancelPostInput? input, HttpContext http, ISender sender, CancellationToken ct) =>
                Tagged(http, await sender.Send(new CancelPostCommand(Actor(http), id, IfMatch(http), input ?? new CancelPostInput(null)), ct)))
            .WithName("CancelPost")
            .WithSummary("Stop a post before it goes out")
            .WithDescription(IfMatchNote.Trim())
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapPost("/{id:guid}/review", async Task<Ok<PostView>> (Guid id, ReviewPostInput? input, HttpContext http, ISender sender, CancellationToken ct) =>
                Tagged(http, await sender.Send(new ReviewBreakGlassCommand(Actor(http), id, IfMatch(http), input ?? new ReviewPostInput(null)), ct)))
            .WithName("ReviewBreakGlassPost")
            .WithSummary("Review a break-glass approval after the fact (Approver who did not write it)")
            .WithDescription(IfMatchNote.Trim())
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        // Instagram and Threads fetch a post's images themselves; the link is signed and expires (PublicMediaLinks).
        app.MapGet("/api/v1/outreach/public-media/{token}", async Task<FileContentHttpResult> (string token, ISender sender, CancellationToken ct) =>
            {
                var media = await sender.Send(new GetPublicPostMediaQuery(token), ct);
                return TypedResults.File(media.Content, media.ContentType);
            })
            .WithTags("Outreach: posts")
            .WithName("GetPublicPostMedia")
            .WithSummary("An image of an approved post by its signed, time-limited link (for platforms that fetch images)")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static void MapTransition<TCommand>(RouteGroupBuilder group, string verb, string name, string summary, Func<Guid, HttpContext, TCommand> command)
        where TCommand : ICommand<PostView> =>
        group.MapPost($"/{{id:guid}}/{verb}", async Task<Ok<PostView>> (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                Tagged(http, await sender.Send(command(id, http), ct)))
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(IfMatchNote.Trim())
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    private static Ok<PostView> Tagged(HttpContext http, PostView view) => WithETag(http, view, view.Version);
}
