using Egov.Modules.Outreach.Features.Posts;
using Egov.SharedKernel.Paging;
using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using static Egov.Modules.Outreach.Features.OutreachHttp;

namespace Egov.Modules.Outreach.Features.Inbox;

/// <summary>The staff inbox: citizens' replies, comments and mentions, their assignment and flags, and answers under four eyes.</summary>
internal static class InboxEndpoints
{
    public static IEndpointRouteBuilder MapInboxEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/outreach/inbox").WithTags("Outreach: inbox").RequireAuthorization(EgovPolicies.Staff);

        group.MapGet("/", async Task<Ok<CursorPage<InboxItemView>>> (Guid? channelId, bool? unanswered, bool? flagged, string? assignedTo, string? cursor, int? limit, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListInboxQuery(Actor(http), channelId, unanswered, flagged, assignedTo, cursor, limit), ct)))
            .WithName("ListInbox")
            .WithSummary("Citizens' replies, comments and mentions, newest first (`unanswered=true`, `flagged=true`, `channelId`, `assignedTo=me`)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/{id:guid}/assign", async Task<Ok<InboxItemView>> (Guid id, AssignInboxInput? input, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AssignInboxItemCommand(Actor(http), id, input ?? new AssignInboxInput(null, null)), ct)))
            .WithName("AssignInboxItem")
            .WithSummary("Assign an item to a staff member (`assignee`: a subject; absent: me; `unassign: true`: nobody)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/flag", async Task<Ok<InboxItemView>> (Guid id, FlagInboxInput? input, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new FlagInboxItemCommand(Actor(http), id, input ?? new FlagInboxInput(null, null)), ct)))
            .WithName("FlagInboxItem")
            .WithSummary("Flag an item for attention, or clear the flag")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/answer", async Task<Created<PostView>> (Guid id, AnswerInboxInput? input, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var post = await sender.Send(new AnswerInboxItemCommand(Actor(http), id, input ?? new AnswerInboxInput(null, null)), ct);
                return TypedResults.Created($"/api/v1/outreach/posts/{post.Id}", post);
            })
            .WithName("AnswerInboxItem")
            .WithSummary("Answer an item: a reply post on its channel, checked and submitted for approval by a second person")
            .WithDescription("A blocking finding (e.g. personal data) answers 422 with the report in `checks`, and nothing is stored.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }
}
