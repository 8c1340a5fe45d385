using Egov.Modules.Outreach.Domain.Deliveries;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Paging;
using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using static Egov.Modules.Outreach.Features.OutreachHttp;

namespace Egov.Modules.Outreach.Features.Deliveries;

/// <summary>Deliveries of posts to channels, and the channel report (staff).</summary>
internal static class DeliveryEndpoints
{
    public static IEndpointRouteBuilder MapDeliveryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/outreach").WithTags("Outreach: deliveries").RequireAuthorization(EgovPolicies.Staff);

        group.MapGet("/deliveries", async Task<Ok<CursorPage<DeliveryView>>> (Guid? postId, Guid? channelId, string? status, string? cursor, int? limit, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListDeliveriesQuery(Actor(http), postId, channelId, ParseEnum<DeliveryStatus>(status, "status"), cursor, limit), ct)))
            .WithName("ListDeliveries")
            .WithSummary("Deliveries, newest first; filter by post, channel or status (e.g. `status=Uncertain`: to check on the platform)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/deliveries/{id:guid}/retry", async Task<Ok<DeliveryView>> (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RetryDeliveryCommand(Actor(http), id), ct)))
            .WithName("RetryDelivery")
            .WithSummary("Try a failed or uncertain delivery again now (with the same idempotency key)")
            .WithDescription("For an uncertain delivery, look on the platform first: if the post is there, confirm it instead, or it may appear twice.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/deliveries/{id:guid}/confirm", async Task<Ok<DeliveryView>> (Guid id, ConfirmDeliveryInput? input, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ConfirmDeliveryCommand(Actor(http), id, input ?? new ConfirmDeliveryInput(null)), ct)))
            .WithName("ConfirmDelivery")
            .WithSummary("Mark an uncertain delivery as sent after finding the post on the platform")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/deliveries/{id:guid}/cancel", async Task<Ok<DeliveryView>> (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CancelDeliveryCommand(Actor(http), id), ct)))
            .WithName("CancelDelivery")
            .WithSummary("Give up a pending, failed or uncertain delivery")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/channels/report", async Task<Ok<ChannelReport>> (DateTimeOffset? from, DateTimeOffset? to, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetChannelReportQuery(Actor(http), from, to), ct)))
            .WithName("GetChannelReport")
            .WithSummary("Per channel: deliveries, failure rate, latency and engagement over a period (default: the last 30 days)")
            .WithDescription("Answers which channels earn their keep: `from`/`to` are ISO 8601 instants.")
            .ProducesValidationProblem();

        return app;
    }
}
