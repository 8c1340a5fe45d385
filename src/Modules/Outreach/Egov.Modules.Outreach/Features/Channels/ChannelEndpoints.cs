using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using static Egov.Modules.Outreach.Features.OutreachHttp;

namespace Egov.Modules.Outreach.Features.Channels;

/// <summary>The channel registry: staff read it (to draft), administrators keep it.</summary>
internal static class ChannelEndpoints
{
    public static IEndpointRouteBuilder MapChannelEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/outreach/channels").WithTags("Outreach: channels").RequireAuthorization(EgovPolicies.Staff);

        group.MapGet("/", async Task<Ok<IReadOnlyList<ChannelView>>> (bool? enabled, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListChannelsQuery(enabled), ct)))
            .WithName("ListChannels")
            .WithSummary("All channels by name (`enabled=true`: those posts may target)");

        group.MapGet("/{id:guid}", async Task<Ok<ChannelView>> (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var view = await sender.Send(new GetChannelQuery(id), ct);
                return WithETag(http, view, view.Version);
            })
            .WithName("GetChannel")
            .WithSummary("One channel with its limits and ETag (never its credentials)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async Task<Created<ChannelView>> (ChannelInput? input, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var view = await sender.Send(new CreateChannelCommand(Body(input)), ct);
                http.Response.Headers.ETag = Egov.SharedKernel.Http.EntityTags.OfRevision(view.Version);
                return TypedResults.Created($"/api/v1/outreach/channels/{view.Id}", view);
            })
            .RequireAuthorization(EgovPolicies.Administer)
            .WithName("CreateChannel")
            .WithSummary("Register a channel (Administrator)")
            .WithDescription("A Mastodon channel's limits are read from its instance (`GET /api/v2/instance`) at once; the other kinds get their platform's documented limits. Credentials are encrypted at rest and never returned. Enabling needs credentials and a completed data-protection assessment.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPut("/{id:guid}", async Task<Ok<ChannelView>> (Guid id, ChannelInput? input, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var view = await sender.Send(new UpdateChannelCommand(id, IfMatch(http), Body(input)), ct);
                return WithETag(http, view, view.Version);
            })
            .RequireAuthorization(EgovPolicies.Administer)
            .WithName("UpdateChannel")
            .WithSummary("Change a channel (Administrator); omit `credentials` to keep the stored ones")
            .WithDescription(IfMatchNote.Trim())
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapPost("/{id:guid}/limits/refresh", async Task<Ok<ChannelView>> (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var view = await sender.Send(new RefreshChannelLimitsCommand(id), ct);
                return WithETag(http, view, view.Version);
            })
            .RequireAuthorization(EgovPolicies.Administer)
            .WithName("RefreshChannelLimits")
            .WithSummary("Read a Mastodon channel's limits from its instance now (Administrator)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }
}
