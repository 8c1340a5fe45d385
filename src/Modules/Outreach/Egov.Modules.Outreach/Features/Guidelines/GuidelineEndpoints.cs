using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using static Egov.Modules.Outreach.Features.OutreachHttp;

namespace Egov.Modules.Outreach.Features.Guidelines;

/// <summary>The social-media guidelines: staff read and acknowledge, administrators publish new versions.</summary>
internal static class GuidelineEndpoints
{
    public static IEndpointRouteBuilder MapGuidelineEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/outreach/guidelines").WithTags("Outreach: guidelines").RequireAuthorization(EgovPolicies.Staff);

        group.MapGet("/", async Task<Ok<IReadOnlyList<GuidelineSummary>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListGuidelinesQuery(), ct)))
            .WithName("ListGuidelines")
            .WithSummary("All versions, newest (in force) first");

        group.MapGet("/current", async Task<Ok<GuidelineView>> (HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetGuidelineQuery(Actor(http), null), ct)))
            .WithName("GetCurrentGuideline")
            .WithSummary("The version in force, and whether you acknowledged it")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{version:int}", async Task<Ok<GuidelineView>> (int version, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetGuidelineQuery(Actor(http), version), ct)))
            .WithName("GetGuideline")
            .WithSummary("One version")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async Task<Created<GuidelineView>> (PublishGuidelineInput? input, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var view = await sender.Send(new PublishGuidelineCommand(Actor(http), Body(input)), ct);
                return TypedResults.Created($"/api/v1/outreach/guidelines/{view.Version}", view);
            })
            .RequireAuthorization(EgovPolicies.Administer)
            .WithName("PublishGuideline")
            .WithSummary("Publish a new version (Administrator); from then on everyone must acknowledge it before drafting or approving")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{version:int}/acknowledge", async Task<Ok<GuidelineView>> (int version, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AcknowledgeGuidelineCommand(Actor(http), version), ct)))
            .WithName("AcknowledgeGuideline")
            .WithSummary("State that you read the version in force (idempotent)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{version:int}/acknowledgements", async Task<Ok<IReadOnlyList<GuidelineAcknowledgementView>>> (int version, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListGuidelineAcknowledgementsQuery(version), ct)))
            .RequireAuthorization(EgovPolicies.Administer)
            .WithName("ListGuidelineAcknowledgements")
            .WithSummary("Who acknowledged a version, and when (Administrator)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }
}
