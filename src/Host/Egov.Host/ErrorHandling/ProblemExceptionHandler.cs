using System.Text.Json;
using System.Text.RegularExpressions;
using Egov.Host.Portal;
using Egov.SharedKernel.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Egov.Host.ErrorHandling;

/// <summary>
/// The one place where exceptions become HTTP responses: RFC 9457 problem details for every error.
/// Deliberate errors (<see cref="ProblemException"/>) keep their status and detail; request errors
/// found by Kestrel or minimal-API binding (<see cref="BadHttpRequestException"/>: malformed JSON,
/// wrong content type, body too large, unparsable parameter) keep theirs and say what was wrong;
/// anything else is a 500 whose detail is shown only in Development. A browser's page request gets
/// only the status here; the portal's error page is rendered for it by the status code pages.
/// </summary>
internal sealed partial class ProblemExceptionHandler(
    IProblemDetailsService problemDetails, IHostEnvironment environment, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to read a body.
            httpContext.Response.StatusCode = 499;
            return true;
        }

        var problem = exception switch
        {
            RequestValidationException validation => new HttpValidationProblemDetails(
                validation.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal))
            {
                Status = validation.StatusCode,
                Title = validation.Title,
                Detail = validation.Message,
            },
            ProblemException known => WithExtensions(
                new ProblemDetails { Status = known.StatusCode, Title = known.Title, Detail = known.Message }, known.Extensions),
            BadHttpRequestException badRequest => FromBadRequest(badRequest),
            DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } } => new ProblemDetails
            {
                // Two requests created the same thing at the same moment; the other one won.
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = "The resource exists already (created by a concurrent request). Read it instead of creating it again.",
            },
            _ when DatabaseFailures.IsTransient(exception) => httpContext.RequestServices.GetRequiredService<DatabaseOutage>().Describe(httpContext, exception),
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = "The resource was changed by someone else meanwhile. Read it again and retry.",
            },
            _ => null,
        };

        if (problem is null)
        {
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred",
                Detail = environment.IsDevelopment() ? exception.ToString() : "The error was logged; quote the traceId when reporting it.",
            };
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (PortalRequests.WantsHtml(httpContext.Request))
        {
            // A person in a browser: the status code pages (outside this handler) render the portal's error page for the status.
            return true;
        }

        // ProblemJsonWriter writes whatever Accept says. Returning false would make the middleware
        // rethrow: a 500 in place of the status, and the exception logged a second time.
        await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = environment.IsDevelopment() ? exception : null,
        });
        return true;
    }

    /// <summary>The field error of a route or query value that does not parse as its parameter's type.</summary>
    internal const string UnparsableParameterMessage = "Not a value of this parameter's type.";

    private static ProblemDetails FromBadRequest(BadHttpRequestException exception)
    {
        // Binding wraps Kestrel's "body too large" (413) in a 400 "failed to read parameter": keep the 413.
        if (exception.InnerException is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } tooLarge)
        {
            exception = tooLarge;
        }

        var problem = new ProblemDetails
        {
            Status = exception.StatusCode,
            Title = exception.StatusCode switch
            {
                // Reason phrases of RFC 9110 §15.5.
                StatusCodes.Status413PayloadTooLarge => "Content Too Large",
                StatusCodes.Status415UnsupportedMediaType => "Unsupported Media Type",
                _ => "Bad Request",
            },
            Detail = exception.Message,
        };

        if (exception.InnerException is JsonException json)
        {
            // Name the position so a client developer finds the mistake without guessing. This covers
            // syntax errors as well as wrong types and missing or null required members.
            problem.Title = json is Input.InputTextJsonException ? "Invalid text" : "Invalid JSON";
            problem.Detail = json.Message;
            problem.Extensions["path"] = json.Path;
            problem.Extensions["line"] = json.LineNumber + 1;
            problem.Extensions["bytePositionInLine"] = json.BytePositionInLine;
            problem.Extensions["errors"] = FieldError(FieldOfJsonPath(json.Path), json is Input.InputTextJsonException
                ? json.Message
                : "Not readable here: malformed JSON, or a value of the wrong type or format for this field.");
        }
        else if (MissingBody().IsMatch(exception.Message))
        {
            // Binding's own wording ("Implicit body inferred … Did you mean to use a Service instead?")
            // speaks to the endpoint's author, not to the client that sent no body.
            problem.Detail = "The request body is missing: this operation takes a JSON object (its schema is in the OpenAPI document).";
            problem.Extensions["errors"] = ErrorHandlingExtensions.BodyError("Required.");
        }
        else if (UnboundParameter().Match(exception.Message) is { Success: true } unbound)
        {
            // A query or route value that does not parse, e.g. limit=ten for an int.
            problem.Extensions["errors"] = FieldError(unbound.Groups["name"].Value, UnparsableParameterMessage);
        }

        return problem;
    }

    /// <summary>The field as validation errors name it: <c>$.variants[0].channelId</c> → <c>variants[0].channelId</c>; the whole body (<c>$</c>) → <c>body</c>.</summary>
    private static string FieldOfJsonPath(string? path) =>
        path switch
        {
            null or "" or "$" => "body",
            _ when path.StartsWith("$.", StringComparison.Ordinal) => path[2..],
            _ when path.StartsWith('$') => path[1..],
            _ => path,
        };

    // Minimal-API binding's messages for an empty body: inferred (Implicit body inferred for parameter "request" but
    // no body was provided. …) and explicit (Required parameter "PostInput input" was not provided from body.).
    [GeneratedRegex("""^(?:Implicit body inferred for parameter "[^"]*" but no body was provided|Required parameter "[^"]*" was not provided from body)""")]
    private static partial Regex MissingBody();

    private static Dictionary<string, string[]> FieldError(string field, string message) =>
        new(StringComparer.Ordinal) { [field] = [message] };

    // Minimal-API binding's message for an unparsable parameter: Failed to bind parameter "Nullable<int> limit" from "ten".
    [GeneratedRegex("""^Failed to bind parameter "(?:[^"]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)" from """)]
    private static partial Regex UnboundParameter();

    private static ProblemDetails WithExtensions(ProblemDetails problem, IDictionary<string, object?> extensions)
    {
        foreach (var (key, value) in extensions)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
