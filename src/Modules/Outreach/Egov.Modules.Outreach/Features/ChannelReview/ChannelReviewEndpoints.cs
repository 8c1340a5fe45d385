using Egov.Modules.Outreach.Features.Deliveries;
using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using static Egov.Modules.Outreach.Features.OutreachHttp;

namespace Egov.Modules.Outreach.Features.ChannelReview;

/// <summary>The channel review for the council as a PDF (the same figures as <c>GET /api/v1/outreach/channels/report</c>).</summary>
internal static class ChannelReviewEndpoints
{
    public static IEndpointRouteBuilder MapChannelReviewEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/outreach/channels/report.pdf", async Task<FileContentHttpResult> (DateTimeOffset? from, DateTimeOffset? to, HttpContext http, ISender sender, ChannelReviewDocument document, CancellationToken ct) =>
            {
                var report = await sender.Send(new GetChannelReportQuery(Actor(http), from, to), ct);
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.File(document.Render(report), "application/pdf", $"kanalbericht-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}.pdf");
            })
            .WithTags("Outreach: deliveries")
            .RequireAuthorization(EgovPolicies.Staff)
            .WithName("GetChannelReviewPdf")
            .WithSummary("The channel review for the council as PDF: per channel posts, failure rate, reach, inbox volume, response time, age of the data-protection assessment")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return app;
    }
}
