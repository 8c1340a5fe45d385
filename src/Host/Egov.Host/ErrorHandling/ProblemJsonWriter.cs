using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Egov.Host.ErrorHandling;

/// <summary>
/// Writes every problem as <c>application/problem+json</c>, whatever <c>Accept</c> says. ASP.NET
/// Core's own writer declines when <c>Accept</c> names no JSON (<c>text/plain</c>,
/// <c>application/xml</c>, …), which left the exception handler without a body and turned every
/// error into a 500 (issue 20, defect 1). RFC 9110 §12.1 lets a server disregard <c>Accept</c>,
/// and RFC 9457 §3 defines only this format; a client that cannot read it still gets the status.
/// Browsers' page requests never reach this writer: they get the portal's error page.
/// </summary>
internal sealed class ProblemJsonWriter(IOptions<ProblemDetailsOptions> problemOptions, IOptions<JsonOptions> jsonOptions) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;

        // The framework's defaults for the status (RFC 9110 type link and title) are applied by the result's constructor.
        _ = TypedResults.Problem(problem);
        problemOptions.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(http.Response.WriteAsJsonAsync(
            problem, problem.GetType(), jsonOptions.Value.SerializerOptions, "application/problem+json", http.RequestAborted));
    }
}
