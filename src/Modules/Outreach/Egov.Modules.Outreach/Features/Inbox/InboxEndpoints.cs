using Egov.Modules.Outreach.Features.Channels;
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

        group.MapPost("/{id:guid}/moderate", async Task<Ok<InboxItemView>> (Guid id, ModerateInboxInput? input, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ModerateInboxItemCommand(Actor(http), id, Body(input)), ct)))
            .WithName("ModerateInboxItem")
            .WithSummary("Hide (Facebook, Instagram) or report (Mastodon) an abusive item on the platform, with a reason; recorded on the item")
            .WithDescription("`{\"action\": \"hide\"|\"report\", \"reason\": \"…\"}`. A kind that does not offer the action answers 422 with `code` `moderation-unsupported` and `supported`; a platform's refusal 422 `moderation-failed` in its words.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        app.MapPut("/api/v1/outreach/channels/{id:guid}/acknowledgement-policy", async Task<Ok<ChannelView>> (Guid id, AcknowledgementPolicyInput? input, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var view = await sender.Send(new SetAcknowledgementPolicyCommand(Actor(http), id, IfMatch(http), Body(input)), ct);
                return WithETag(http, view, view.Version);
            })
            .WithTags("Outreach: inbox")
            .RequireAuthorization(EgovPolicies.ApproveContent)
            .WithName("SetAcknowledgementPolicy")
            .WithSummary("Set the channel's approved acknowledgements: answers with exactly one of these texts go out without a second person (Approver)")
            .WithDescription("`{\"texts\": [\"Danke für Ihren Hinweis, wir kümmern uns.\"]}`; `[]` ends the policy. Each text is checked as an answer on the channel (422 with the report otherwise)." + IfMatchNote)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        return app;
    }
}
