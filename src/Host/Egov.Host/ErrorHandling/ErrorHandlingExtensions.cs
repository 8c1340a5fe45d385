using System.Diagnostics;
using System.Globalization;
using Egov.Host.Observability;
using Egov.Host.Portal;
using Microsoft.AspNetCore.Http.Features;

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
            context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
            {
                StatusCodes.Status401Unauthorized =>
                    "Sign in first: send an access token (Authorization: Bearer …) or use a browser session.",
                StatusCodes.Status403Forbidden => "You are signed in, but your role does not allow this.",
                StatusCodes.Status404NotFound => "There is nothing at this address.",
                StatusCodes.Status429TooManyRequests => "Too many requests from your address; wait as long as Retry-After says, then try again.",
                _ => null,
            };

            // A route or query value of an optional value type that does not parse: the generated
            // binding answers 400 without an exception (see UnparsableParameter); name the field as
            // the exception handler does for the others.
            if (context.ProblemDetails.Status == StatusCodes.Status400BadRequest && context.Exception is null
                && !context.ProblemDetails.Extensions.ContainsKey("errors") && UnparsableParameter.Find(http) is { } unparsable)
            {
                context.ProblemDetails.Detail = $"Failed to bind parameter \"{unparsable.TypeName} {unparsable.Name}\" from \"{unparsable.Value}\".";
                context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]>(StringComparer.Ordinal)
                {
                    [unparsable.Name] = [ProblemExceptionHandler.UnparsableParameterMessage],
                };
            }

            // A body Kestrel refused while the generated binding read it (larger than the operation's
            // limit, a malformed chunked coding, a connection that ended mid-body): the binding sets the
            // status and swallows the exception, so nothing said what was wrong with the body.
            if (context.Exception is null && context.ProblemDetails.Detail is null && !context.ProblemDetails.Extensions.ContainsKey("errors"))
            {
                if (context.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge)
                {
                    var limit = http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
                    var message = limit is { } bytes
                        ? string.Create(CultureInfo.InvariantCulture, $"At most {bytes} bytes.")
                        : "Larger than this operation accepts.";
                    context.ProblemDetails.Detail = $"The request body is too large for this operation. {message}";
                    context.ProblemDetails.Extensions["errors"] = BodyError(message);
                }
                else if (context.ProblemDetails.Status == StatusCodes.Status400BadRequest && HasBody(http.Request))
                {
                    const string unreadable = "Not readable: the body ended before its announced length, or its chunked transfer coding (RFC 9112 §7.1) is malformed.";
                    context.ProblemDetails.Detail = "The request body could not be read. " + unreadable;
                    context.ProblemDetails.Extensions["errors"] = BodyError(unreadable);
                }
            }

            // A body of a media type no endpoint at this address accepts: routing answers 415 before
            // binding (through an endpoint of its own, without the operation's metadata) and says nothing.
            if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType && context.ProblemDetails.Detail is null)
            {
                context.ProblemDetails.Detail = $"Content-Type '{http.Request.ContentType}' is not accepted here; send the body in the media type " +
                    "the OpenAPI document names for this operation (application/json for JSON bodies).";
            }

            // ASP.NET Core knows no type for the two RFC 6585 codes Egov uses.
            context.ProblemDetails.Type ??= context.ProblemDetails.Status switch
            {
                StatusCodes.Status428PreconditionRequired => "https://www.rfc-editor.org/rfc/rfc6585#section-3",
                StatusCodes.Status429TooManyRequests => "https://www.rfc-editor.org/rfc/rfc6585#section-4",
                _ => null,
            };
            if (http.Items.TryGetValue(CorrelationIdMiddleware.ItemKey, out var correlationId))
            {
                context.ProblemDetails.Extensions["correlationId"] = correlationId;
            }
        });
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddSingleton<DatabaseOutage>();

        // Binding errors (malformed JSON, wrong content type, bad parameter) are thrown so the
        // handler above can describe them, instead of an empty 400 outside Development.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>The field error of the request body as a whole (named <c>body</c>, as for JSON errors at <c>$</c>).</summary>
    internal static Dictionary<string, string[]> BodyError(string message) =>
        new(StringComparer.Ordinal) { ["body"] = [message] };

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;

    /// <summary>
    /// Bodies for error statuses that have none: for a browser's page request the portal's error page
    /// (<c>/error/{status}</c>, re-executed so the address and the status stay), for everything else
    /// RFC 9457 problem details. Must run outside the exception handler, which leaves page requests
    /// without a body for this purpose.
    /// </summary>
    public static WebApplication UseEgovStatusCodePages(this WebApplication app)
    {
        app.UseWhen(context => PortalRequests.WantsHtml(context.Request), page => page.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseWhen(context => !PortalRequests.WantsHtml(context.Request), api => api.UseStatusCodePages());
        return app;
    }
}
