using Egov.Modules.Handoff.Contracts;
using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Egov.Modules.Handoff.Features.Handoffs;

/// <summary>Staff view of the hand-offs under <c>/api/v1/handoff</c> (policy HandleCases; the case's department in the handlers).</summary>
internal static class HandoffEndpoints
{
    public static IEndpointRouteBuilder MapHandoffStaffEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/v1/handoff").WithTags("Hand-off").RequireAuthorization(EgovPolicies.HandleCases);

        staff.MapGet("/cases/{id:guid}", async Task<Ok<IReadOnlyList<CaseHandoff>>> (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var member = StaffMember.Of(http.User);
                return TypedResults.Ok(await sender.Send(new GetCaseHandoffsQuery(id, member.Departments, member.IsAdministrator), ct));
            })
            .WithName("ListCaseHandoffs")
            .WithSummary("What was handed off where and when for a case, oldest first")
            .WithDescription("Push: `Pending`, `Failed` (retrying, see `nextAttemptAt` and `lastError`), `Sent`, `Parked` (given up; re-send it). Pull: `Queued`, `Acknowledged`. Xdomea (exports for the e-file, target `xdomea:e-akte`): `Sent`. An empty list: not handed off.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        staff.MapPost("/deliveries/{id:guid}/resend", async Task<Ok<IReadOnlyList<CaseHandoff>>> (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var member = StaffMember.Of(http.User);
                var caseId = await sender.Send(new ResendCaseHandoffCommand(id, member.Departments, member.IsAdministrator), ct);
                return TypedResults.Ok(await sender.Send(new GetCaseHandoffsQuery(caseId, member.Departments, member.IsAdministrator), ct));
            })
            .WithName("ResendHandoff")
            .WithSummary("Send a push hand-off again (same CloudEvent id); answers the case's hand-offs")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
