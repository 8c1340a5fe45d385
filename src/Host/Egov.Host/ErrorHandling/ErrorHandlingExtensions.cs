using System.Diagnostics;
using Egov.Host.Observability;

namespace Egov.Host.ErrorHandling;

internal static class ErrorHandlingExtensions
{
    /// <summary>RFC 9457 problem details for every error response, each with <c>traceId</c> and <c>correlationId</c>.</summary>
    public static IServiceCollection AddEgovErrorHandling(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var http = context.HttpContext;
            context.ProblemDetails.Instance ??= http.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
            if (http.Items.TryGetValue(CorrelationIdMiddleware.ItemKey, out var correlationId))
            {
                context.ProblemDetails.Extensions["correlationId"] = correlationId;
            }
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();

        // Binding errors (malformed JSON, wrong content type, bad parameter) are thrown so the
        // handler above can describe them, instead of an empty 400 outside Development.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }
}
