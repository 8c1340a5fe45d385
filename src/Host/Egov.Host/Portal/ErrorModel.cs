using System.Diagnostics;
using Egov.SharedKernel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egov.Host.Portal;

/// <summary>
/// The portal's error page for a browser: what happened in plain words, what to do next, and the
/// trace id to quote. Reached by re-execution from the status code pages (the address stays the one
/// the visitor asked for), or directly at <c>/error/{status}</c>. Takes any method and no antiforgery
/// token, because a refused form post is re-executed here as a POST. For a server error it renders
/// without the database (no alert banner), since the database may be the reason.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
internal sealed class ErrorModel : PageModel
{
    /// <summary>The HTTP status shown (400–599; anything else becomes 404).</summary>
    public int Status { get; private set; }

    /// <summary>The W3C trace id of the failed request, as in the logs and traces.</summary>
    public string TraceId { get; private set; } = "";

    /// <summary>The address the visitor asked for (the original path when re-executed).</summary>
    public string RequestedPath { get; private set; } = "";

    public void OnGet(int? code) => Show(code);

    public void OnPost(int? code) => Show(code);

    /// <summary>True when the 400 is a browser login that could not be completed at the OIDC callback.</summary>
    public bool SignInFailed { get; private set; }

    /// <summary>The heading for the status, in the page language.</summary>
    public string Heading => Status switch
    {
        StatusCodes.Status400BadRequest when SignInFailed => PortalText.Pick("Anmeldung fehlgeschlagen", "Sign-in failed"),
        StatusCodes.Status401Unauthorized => PortalText.Pick("Bitte melden Sie sich an", "Please sign in"),
        StatusCodes.Status403Forbidden => PortalText.Pick("Kein Zugriff", "Access denied"),
        StatusCodes.Status404NotFound => PortalText.Pick("Seite nicht gefunden", "Page not found"),
        StatusCodes.Status405MethodNotAllowed => PortalText.Pick("Diese Aktion ist hier nicht möglich", "This action is not possible here"),
        StatusCodes.Status413PayloadTooLarge => PortalText.Pick("Die Datei ist zu groß", "The file is too large"),
        StatusCodes.Status429TooManyRequests => PortalText.Pick("Zu viele Anfragen", "Too many requests"),
        StatusCodes.Status503ServiceUnavailable => PortalText.Pick("Vorübergehend nicht verfügbar", "Temporarily unavailable"),
        >= 500 => PortalText.Pick("Ein Fehler ist aufgetreten", "Something went wrong"),
        _ => PortalText.Pick("Die Anfrage konnte nicht bearbeitet werden", "The request could not be processed"),
    };

    /// <summary>What the visitor can do, in the page language.</summary>
    public string Explanation => Status switch
    {
        StatusCodes.Status400BadRequest when SignInFailed => PortalText.Pick(
            "Die Anmeldung konnte nicht abgeschlossen werden, zum Beispiel weil der Anmeldelink abgelaufen ist oder schon benutzt wurde. Bitte versuchen Sie es erneut.",
            "The sign-in could not be completed, for example because the sign-in link has expired or was used already. Please try again."),
        StatusCodes.Status401Unauthorized => PortalText.Pick(
            "Diese Seite ist nur nach der Anmeldung erreichbar.", "This page is available after signing in."),
        StatusCodes.Status403Forbidden => PortalText.Pick(
            "Sie sind angemeldet, aber Ihr Konto darf diese Seite nicht öffnen. Melden Sie sich gegebenenfalls mit einem anderen Konto an.",
            "You are signed in, but your account may not open this page. Sign in with another account if you have one."),
        StatusCodes.Status404NotFound => PortalText.Pick(
            "Unter dieser Adresse gibt es keine Seite. Vielleicht wurde sie verschoben, oder der Link ist unvollständig.",
            "There is no page at this address. It may have moved, or the link is incomplete."),
        StatusCodes.Status413PayloadTooLarge => PortalText.Pick(
            "Bitte laden Sie eine kleinere Datei hoch.", "Please upload a smaller file."),
        StatusCodes.Status429TooManyRequests => PortalText.Pick(
            "Bitte warten Sie einen Moment und versuchen Sie es dann erneut.", "Please wait a moment and try again."),
        StatusCodes.Status503ServiceUnavailable => PortalText.Pick(
            "Die Online-Dienste sind gerade nicht erreichbar. Bitte versuchen Sie es in einigen Minuten erneut. Was Sie in abgeschlossenen Schritten gespeichert haben, bleibt erhalten.",
            "The online services cannot be reached at the moment. Please try again in a few minutes. What you saved in completed steps is kept."),
        >= 500 => PortalText.Pick(
            "Ihre Eingaben in abgeschlossenen Schritten sind gespeichert. Bitte versuchen Sie es später erneut. Wenn Sie uns den Fehler melden, nennen Sie bitte die Fehlerkennung unten.",
            "What you saved in completed steps is kept. Please try again later. If you report the error, please quote the error id below."),
        _ => PortalText.Pick(
            "Bitte gehen Sie zurück, prüfen Sie Ihre Eingaben und versuchen Sie es erneut.",
            "Please go back, check what you entered and try again."),
    };

    private void Show(int? code)
    {
        Status = code is >= 400 and <= 599 ? code.Value : StatusCodes.Status404NotFound;
        Response.StatusCode = Status;
        SignInFailed = Status == StatusCodes.Status400BadRequest && HttpContext.Items.ContainsKey(Identity.SignInFailure.ItemKey);
        TraceId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        var reExecute = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>();
        RequestedPath = reExecute is null ? Request.Path : reExecute.OriginalPathBase + reExecute.OriginalPath;
    }
}
