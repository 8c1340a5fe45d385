using System.Net;
using System.Threading.RateLimiting;
using Egov.Modules.Forms.Features.Cases;
using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Forms.Features.AccessibilityFeedback;

/// <summary>The feedback mechanism of the accessibility statement: anyone reports, staff list and mark answered.</summary>
internal static class AccessibilityFeedbackEndpoints
{
    /// <summary>Rate-limiter policy of reports: <see cref="AccessibilityFeedbackOptions.ReportsPerMinute"/> per client IP address.</summary>
    public const string ReportPolicy = "accessibility-feedback";

    public static IServiceCollection AddAccessibilityFeedbackRateLimit(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AccessibilityFeedbackOptions>>((limiter, options) =>
            limiter.AddPolicy(ReportPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? IPAddress.None.ToString(),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.Value.ReportsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        return services;
    }

    public static IEndpointRouteBuilder MapAccessibilityFeedbackEndpoints(this IEndpointRouteBuilder app)
    {
        var feedback = app.MapGroup("/api/v1/accessibility-feedback").WithTags("Accessibility feedback");

        feedback.MapPost("/", async Task<Accepted<AccessibilityFeedbackReceipt>> (FileAccessibilityFeedbackCommand request, ISender sender, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await sender.Send(request, ct)))
            .AllowAnonymous()
            .RequireRateLimiting(ReportPolicy)
            .WithMetadata(new RequestSizeLimitAttribute(64 * 1024))
            .WithName("ReportBarrier")
            .WithSummary("Report a barrier (feedback mechanism of the accessibility statement, § 12b BGG)")
            .WithDescription("Anonymous. `page` (where, 1–500 characters) and `description` (what, 1–4000) are required; `contactName`, `contactEmail` " +
                "(where the answer goes) and `language` (`de`/`en`) are optional. Answers 202 with `receivedAt` (UTC) and `answerBy` (a date in Europe/Berlin, " +
                "one month later). Rate-limited per IP address (429 with Retry-After).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        var staff = feedback.MapGroup("").RequireAuthorization(EgovPolicies.HandleCases);

        staff.MapGet("/", async Task<Ok<IReadOnlyList<AccessibilityFeedbackView>>> (bool? open, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListAccessibilityFeedbackQuery(CaseEndpoints.Caseworker(http), open), ct)))
            .WithName("ListBarrierReports")
            .WithSummary("Reports of barriers: open ones first by answer-by day, then the answered (administrators, the configured department)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        staff.MapPost("/{id:guid}/answered", async Task<Ok<AccessibilityFeedbackView>> (Guid id, MarkAnsweredRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new MarkAccessibilityFeedbackAnsweredCommand(CaseEndpoints.Caseworker(http), id, request.Note), ct)))
            .WithName("MarkBarrierReportAnswered")
            .WithSummary("Mark a report answered, with a note of what was answered or done")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <param name="Note">What was answered or done, up to 2000 characters.</param>
    internal sealed record MarkAnsweredRequest(string? Note);
}
