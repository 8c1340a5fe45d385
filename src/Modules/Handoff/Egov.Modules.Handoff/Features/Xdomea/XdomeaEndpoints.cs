using Egov.Modules.Handoff.Features.Handoffs;
using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Egov.Modules.Handoff.Features.Xdomea;

/// <summary>The xdomea export of a case: <c>GET /api/v1/handoff/cases/{id}/xdomea</c> (policy HandleCases; the case's department).</summary>
internal static class XdomeaEndpoints
{
    public static IEndpointRouteBuilder MapXdomeaEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/handoff/cases/{id:guid}/xdomea", async Task<FileContentHttpResult> (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var file = await sender.Send(new ExportCaseQuery(StaffMember.Of(http.User), id), ct);
                return TypedResults.File(file.Content, "application/zip", file.FileName);
            })
            .RequireAuthorization(EgovPolicies.HandleCases)
            .WithTags("Hand-off")
            .WithName("ExportCaseXdomea")
            .WithSummary("The case as an xdomea 3.1.0 message (Abgabe.Abgabe.0401) with its documents, zipped, for the e-file")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
