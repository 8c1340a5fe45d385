using Egov.Modules.Handoff.Features.Handoffs;
using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Egov.Modules.Handoff.Features.Feed;

/// <summary>
/// A pull target's feed under <c>/api/v1/handoff/feeds/{target}</c>: policy Authenticated (any trusted
/// token); the handlers admit only the target's own service account (<see cref="FeedAccess"/>).
/// </summary>
internal static class FeedEndpoints
{
    public static IEndpointRouteBuilder MapFeedEndpoints(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/api/v1/handoff/feeds/{target}").WithTags("Hand-off feed").RequireAuthorization(EgovPolicies.Authenticated);

        feeds.MapGet("/events", async Task<Ok<FeedPage>> (string target, long? after, int? limit, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReadFeedQuery(FeedReader.Of(http.User), target, after, limit), ct)))
            .WithName("ReadHandoffFeed")
            .WithSummary("The next events of my feed, in order (CloudEvents 1.0, structured mode)")
            .WithDescription("Without `after`: from the acknowledged position. `limit` 1–100 (default 50). Process the items, then acknowledge `next`.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        feeds.MapPost("/acknowledgements", async Task<Ok<FeedAcknowledgement>> (string target, FeedAcknowledgement request, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(new FeedAcknowledgement(await sender.Send(new AcknowledgeFeedCommand(FeedReader.Of(http.User), target, request.Position), ct))))
            .WithName("AcknowledgeHandoffFeed")
            .WithSummary("I processed my feed up to and including `position`")
            .WithDescription("Idempotent; answers the acknowledged position (never moves back). 422 for a position the feed has not given.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        feeds.MapGet("/cases/{caseId:guid}/documents/{documentId:guid}", async Task<FileContentHttpResult> (
                string target, Guid caseId, Guid documentId, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var document = await sender.Send(new GetFeedDocumentQuery(FeedReader.Of(http.User), target, caseId, documentId), ct);
                return TypedResults.File(document.Content!, document.MediaType, document.FileName);
            })
            .WithName("GetHandoffDocument")
            .WithSummary("A receipt or attachment of a case in my feed (the `href` of the event's document)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}

/// <summary>An acknowledgement: the feed position processed (request) or now acknowledged (answer).</summary>
/// <param name="Position">A position the feed gave (<c>next</c> of a page, or an item's).</param>
internal sealed record FeedAcknowledgement(long Position);
