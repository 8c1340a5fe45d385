using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Features;
using Egov.Modules.Outreach.Features.Guidelines;
using Egov.Modules.Outreach.Features.Posts;
using Egov.SharedKernel.Errors;
using System.Text.Encodings.Web;
using Egov.SharedKernel.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egov.Modules.Outreach.Pages.Staff.Outreach;

/// <summary>
/// What the Outreach staff pages share: the acting staff member (as the API sees them) and the
/// module's refusals turned into page content instead of a problem response — field errors for the
/// error summary, the guidelines gate as a notice linking the guidelines page, a stale version as
/// "someone else changed this", other refusals (four eyes, a transition out of order, blocking
/// checks) as a message. An unknown id stays the module's 404.
/// </summary>
internal abstract class OutreachPage : PageModel
{
    /// <summary>The guidelines page, where the gate sends people.</summary>
    public const string GuidelinesPath = "/staff/outreach/guidelines";

    /// <summary>Field errors from the module, keyed by the API's field name (e.g. <c>variants[0].text</c>).</summary>
    public Dictionary<string, string[]> Errors { get; private set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The guidelines gate refused: the version in force is not acknowledged (null: no version at all).</summary>
    public bool GuidelinesRequired { get; private set; }

    /// <summary>The thing changed since the page was loaded (412).</summary>
    public bool Stale { get; private set; }

    /// <summary>Another refusal of the module, in its own words.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The check report of a refusal for blocking findings (422 <c>checks-failed</c>).</summary>
    public PostCheckReport? RefusedChecks { get; private set; }

    protected OutreachActor Actor => OutreachHttp.Actor(HttpContext);

    /// <summary>Runs a command of the module; false (and the refusal recorded for the page) when it refuses.</summary>
    protected async Task<bool> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (RequestValidationException e)
        {
            foreach (var (key, messages) in e.Errors)
            {
                Errors[key] = messages;
            }
        }
        catch (ForbiddenException e) when (Equals(e.Extensions.TryGetValue("code", out var code) ? code : null, GuidelineGate.NotAcknowledgedCode))
        {
            GuidelinesRequired = true;
        }
        catch (PreconditionFailedException)
        {
            Stale = true;
        }
        catch (ProblemException e) when (e is not NotFoundException)
        {
            Refusal = e.Message;
            RefusedChecks = e.Extensions.TryGetValue("checks", out var checks) ? checks as PostCheckReport : null;
        }

        return false;
    }

    /// <summary>Whether anything is to be shown by <c>_Problems</c>.</summary>
    public bool HasProblems => Errors.Count > 0 || GuidelinesRequired || Stale || Refusal is not null;

    /// <summary>The id of the input a field error belongs to (the target of the summary's link).</summary>
    public virtual string FieldId(string key) => key.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal);

    /// <summary>The label of the field a key names, for the summary.</summary>
    public virtual string FieldLabel(string key) => key;

    /// <summary>The messages for an input, or null.</summary>
    public string[]? ErrorsFor(string id) =>
        Errors.Where(e => FieldId(e.Key) == id).SelectMany(e => e.Value).ToArray() is { Length: > 0 } messages ? messages : null;

    /// <summary><c>aria-invalid</c> of an input: "true" when it has errors, else none.</summary>
    public string? AriaInvalid(string id) => ErrorsFor(id) is null ? null : "true";

    /// <summary><c>aria-describedby</c> of an input: its hint and its error message, where there are.</summary>
    public string? DescribedBy(string id, string? hint = null) =>
        string.Join(' ', new[] { hint, ErrorsFor(id) is null ? null : id + "-error" }.Where(x => x is not null)) is { Length: > 0 } ids ? ids : null;

    /// <summary>The class of a field's wrapper.</summary>
    public string FieldClass(string id) => ErrorsFor(id) is null ? "field" : "field has-error";

    /// <summary>The error message next to an input (the target of its <c>aria-describedby</c>), or nothing.</summary>
    public IHtmlContent FieldError(string id) =>
        ErrorsFor(id) is { } messages
            ? new HtmlString($"<span class=\"field-error\" id=\"{HtmlEncoder.Default.Encode(id)}-error\">{HtmlEncoder.Default.Encode(PortalText.Pick("Fehler", "Error") + ": " + string.Join(" ", messages))}</span>")
            : HtmlString.Empty;

    /// <summary>A step of a post's history in words (the module records stable codes).</summary>
    public static string ActionName(string action) => action switch
    {
        "created" => PortalText.Pick("angelegt", "created"),
        "edited" => PortalText.Pick("bearbeitet", "edited"),
        "media-added" => PortalText.Pick("Bild hochgeladen", "image uploaded"),
        "submitted" => PortalText.Pick("eingereicht", "submitted"),
        "approved" => PortalText.Pick("freigegeben", "approved"),
        "approved-break-glass" => PortalText.Pick("per Notfreigabe freigegeben", "approved by break-glass"),
        "auto-approved" => PortalText.Pick("automatisch freigegeben", "approved automatically"),
        "rejected" => PortalText.Pick("zurückgewiesen", "rejected"),
        "scheduled" => PortalText.Pick("eingeplant", "scheduled"),
        "cancelled" => PortalText.Pick("abgebrochen", "cancelled"),
        "reviewed" => PortalText.Pick("Notfreigabe nachgeprüft", "break-glass reviewed"),
        "publishing" => PortalText.Pick("Veröffentlichung begonnen", "publishing started"),
        "published" => PortalText.Pick("veröffentlicht", "published"),
        "partially-failed" => PortalText.Pick("teilweise fehlgeschlagen", "partially failed"),
        "failed" => PortalText.Pick("fehlgeschlagen", "failed"),
        "retried" => PortalText.Pick("erneut versucht", "retried"),
        _ => action,
    };

    /// <summary>German words for a post's state.</summary>
    public static string StatusName(string status) => status switch
    {
        nameof(PostStatus.Draft) => PortalText.Pick("Entwurf", "Draft"),
        nameof(PostStatus.InReview) => PortalText.Pick("Zur Freigabe", "In review"),
        nameof(PostStatus.Rejected) => PortalText.Pick("Zurückgewiesen", "Rejected"),
        nameof(PostStatus.Approved) => PortalText.Pick("Freigegeben", "Approved"),
        nameof(PostStatus.Scheduled) => PortalText.Pick("Geplant", "Scheduled"),
        nameof(PostStatus.Publishing) => PortalText.Pick("Wird veröffentlicht", "Publishing"),
        nameof(PostStatus.Published) => PortalText.Pick("Veröffentlicht", "Published"),
        nameof(PostStatus.PartiallyFailed) => PortalText.Pick("Teilweise fehlgeschlagen", "Partially failed"),
        nameof(PostStatus.Failed) => PortalText.Pick("Fehlgeschlagen", "Failed"),
        nameof(PostStatus.Cancelled) => PortalText.Pick("Abgebrochen", "Cancelled"),
        _ => status,
    };
}
