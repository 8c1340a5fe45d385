using System.Runtime.ExceptionServices;

namespace Egov.Host.Identity.Sessions;

/// <summary>
/// Runs after authentication: when the session store could not be read because the database is
/// away, the request fails with that error (503 from the exception handler) instead of going on as
/// anonymous (a 401, or a redirect to the login). The error page re-executed for it passes, and is
/// rendered for an anonymous visitor, without the database.
/// </summary>
internal sealed class SessionStoreOutage(RequestDelegate next)
{
    private const string ItemKey = "Egov.SessionStoreUnavailable";

    /// <summary>Notes on the request that its session could not be read.</summary>
    public static void Record(HttpContext context, Exception exception) => context.Items[ItemKey] = ExceptionDispatchInfo.Capture(exception);

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Items.Remove(ItemKey, out var failure) && failure is ExceptionDispatchInfo error
            && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            error.Throw();
        }

        return next(context);
    }
}
