using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using static Egov.Modules.Outreach.Features.OutreachHttp;

namespace Egov.Modules.Outreach.Features.ChannelExit;

/// <summary>The channel exit kit (ADR 0027): retire a channel, download its archive. Administrators only.</summary>
internal static class ChannelExitEndpoints
{
    public static IEndpointRouteBuilder MapChannelExitEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/outreach/channels").WithTags("Outreach: channels").RequireAuthorization(EgovPolicies.Administer);

        group.MapPost("/{id:guid}/retire", async Task<Ok<ChannelRetirementResult>> (Guid id, RetireChannelInput? input, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(new RetireChannelCommand(Actor(http), id, IfMatch(http), Body(input)), ct);
                return WithETag(http, result, result.Channel.Version);
            })
            .WithName("RetireChannel")
            .WithSummary("Retire a channel: record why, move its posts not yet out to replacements, draft a farewell for approval (Administrator)")
            .WithDescription("Body: `reason` (required), `replacementChannelIds` (enabled channels; absent or empty: the posts just leave the channel, and a post left without channels is cancelled), `farewell` (default true), `farewellText` (default: a German text naming the remaining public channels). Moved posts that were approved go back to review. The retired channel takes no new posts; only its farewell still goes out, after a second person approved it." + IfMatchNote)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapGet("/{id:guid}/archive", async Task<FileContentHttpResult> (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var archive = await sender.Send(new ExportChannelArchiveQuery(Actor(http), id), ct);
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.File(archive.Content, "application/zip", archive.FileName);
            })
            .WithName("ExportChannelArchive")
            .WithSummary("A channel's archive as a zip: channel.json, posts.json (its variants, deliveries, engagement, history), inbox.json, media/ (Administrator)")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }
}
