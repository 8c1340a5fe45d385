using Egov.Host.Portal;
using Microsoft.AspNetCore.Authentication;

namespace Egov.Host.Identity;

/// <summary>
/// A browser login that cannot be completed at the callback (<c>/signin-oidc</c>): a forged or
/// tampered <c>state</c>, a state without its correlation cookie (another browser, the cookie
/// expired after 15 minutes, or the return link used a second time), or the provider refusing or
/// failing. That is the visitor's problem, not a server error: 400 — for a browser the portal's
/// "sign-in failed, try again" page, for other callers problem details — and one warning in the log.
/// </summary>
internal static partial class SignInFailure
{
    /// <summary>
    /// Key in <see cref="HttpContext.Items"/> telling the portal's error page that the 400 is a failed
    /// sign-in (it then says so and offers to sign in again).
    /// </summary>
    public const string ItemKey = "Egov.SignInFailed";

    /// <summary>Where the visitor starts over.</summary>
    public const string RetryPath = "/account/login";

    /// <summary>The <c>OnRemoteFailure</c> event of the OpenID Connect handler.</summary>
    public static async Task HandleAsync(RemoteFailureContext context)
    {
        var http = context.HttpContext;
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInFailure).FullName!);
        LogFailed(logger, context.Failure?.Message ?? "no reason given");
        context.HandleResponse();

        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        if (PortalRequests.WantsHtml(http.Request))
        {
            // No body here: the status code pages render the portal's error page, which reads the item.
            http.Items[ItemKey] = true;
            return;
        }

        await Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Sign-in failed",
                detail: $"The sign-in could not be completed (the link was altered, has expired or was used already). Start again at {RetryPath}.")
            .ExecuteAsync(http);
    }

    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "Sign-in failed at the callback: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
