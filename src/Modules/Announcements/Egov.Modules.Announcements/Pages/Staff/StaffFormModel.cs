using System.Globalization;
using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Features.Authoring;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Time;
using Egov.SharedKernel.Web;
using Mediator;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egov.Modules.Announcements.Pages.Staff;

/// <summary>
/// What the editor and the alert form share: the module's refusals shown on the page instead of a
/// problem response — field errors next to their input (keyed by input id) and in the summary, a
/// stale ETag as "someone else changed this", a forbidden or conflicting action as a general error.
/// </summary>
internal abstract class StaffFormModel : PageModel
{
    private readonly Dictionary<string, List<string>> _fieldErrors = new(StringComparer.Ordinal);

    /// <summary>Input id → messages.</summary>
    public IReadOnlyDictionary<string, List<string>> FieldErrors => _fieldErrors;

    /// <summary>The announcement as stored (editor view with its ETag), or null on a "new" page.</summary>
    public AnnouncementEditorView? Existing { get; protected set; }

    /// <summary>Errors that belong to no input (role, state of the workflow).</summary>
    public List<string> GeneralErrors { get; } = [];

    /// <summary>Set when the version posted is no longer the current one (412).</summary>
    public bool Stale { get; private set; }

    public bool HasErrors => _fieldErrors.Count > 0 || GeneralErrors.Count > 0 || Stale;

    /// <summary>The staff member as the handlers know them.</summary>
    protected ContentActor Actor => AuthoringEndpoints.Actor(HttpContext);

    public bool HasError(string inputId) => _fieldErrors.ContainsKey(inputId);

    /// <summary><c>aria-invalid</c> value: "true" or nothing.</summary>
    public string? Invalid(string inputId) => HasError(inputId) ? "true" : null;

    /// <summary><c>aria-describedby</c> value: the hint (if any) and the error message (if any).</summary>
    public string? DescribedBy(string inputId, string? hintId = null)
    {
        var ids = new[] { hintId, HasError(inputId) ? inputId + "-error" : null }.Where(i => i is not null);
        var value = string.Join(' ', ids);
        return value.Length == 0 ? null : value;
    }

    /// <summary>The error message shown next to an input (its id is the input's id + <c>-error</c>), or nothing.</summary>
    public IHtmlContent ErrorFor(string inputId)
    {
        if (!_fieldErrors.TryGetValue(inputId, out var messages))
        {
            return HtmlString.Empty;
        }

        return new HtmlContentBuilder()
            .AppendHtml($"<span class=\"field-error\" id=\"{inputId}-error\">")
            .Append(PortalText.Pick("Fehler", "Error") + ": " + string.Join(" ", messages))
            .AppendHtml("</span>");
    }

    /// <summary>The label of an input for the error summary.</summary>
    public abstract string LabelOf(string inputId);

    /// <summary>Shows "someone else changed this in the meantime".</summary>
    protected void MarkStale() => Stale = true;

    protected void AddFieldError(string inputId, string message)
    {
        if (!_fieldErrors.TryGetValue(inputId, out var list))
        {
            _fieldErrors[inputId] = list = [];
        }

        list.Add(message);
    }

    /// <summary>
    /// Runs a change; a refusal of the module becomes errors on the page (true when it went through).
    /// <paramref name="inputOf"/> maps the module's field name (<c>variants[0].title</c>, without the <c>announcement.</c> of an edit) to an input id, or null.
    /// </summary>
    protected async Task<bool> TryAsync(Func<Task> change, Func<string, string?> inputOf)
    {
        try
        {
            await change();
            return true;
        }
        catch (RequestValidationException refused)
        {
            foreach (var (field, messages) in refused.Errors)
            {
                foreach (var message in messages)
                {
                    // An edit names its fields inside "announcement." (the PUT body); the inputs are the same.
                    if (inputOf(field.StartsWith("announcement.", StringComparison.Ordinal) ? field["announcement.".Length..] : field) is { } input)
                    {
                        AddFieldError(input, message);
                    }
                    else
                    {
                        GeneralErrors.Add($"{field}: {message}");
                    }
                }
            }
        }
        catch (PreconditionFailedException)
        {
            Stale = true;
        }
        catch (ProblemException problem) when (problem is ForbiddenException or ConflictException or PreconditionRequiredException or DomainRuleException)
        {
            GeneralErrors.Add(problem.Message);
        }

        return false;
    }

    /// <summary>
    /// Loads the announcement the route names into <see cref="Existing"/> ("new": none). A malformed or
    /// unknown id is 404; an alert on the editor, or another kind on the alert form, is redirected to
    /// its own page. Returns null when the page goes on.
    /// </summary>
    protected async Task<IActionResult?> LoadAsync(ISender sender, string id, CancellationToken cancellationToken)
    {
        if (id == "new")
        {
            return null;
        }

        if (!Guid.TryParse(id, out var guid))
        {
            return NotFound();
        }

        try
        {
            Existing = await sender.Send(new GetAnnouncementForEditingQuery(Actor, guid), cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }

        var isAlert = Existing.Kind == AnnouncementKinds.Alert;
        return isAlert == ForAlerts ? null : Redirect(isAlert ? $"/staff/alerts/{guid}" : $"/staff/announcements/{guid}");
    }

    /// <summary>Whether this page edits alerts (else the other kinds).</summary>
    protected abstract bool ForAlerts { get; }

    /// <summary>The version posted in the hidden field, for If-Match; null when missing or garbled (the module answers 428).</summary>
    protected static int? ParseVersion(string? posted) =>
        int.TryParse(posted, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;

    /// <summary>The version of an editor view (its ETag without quotes), as the hidden field carries it.</summary>
    protected static string VersionOf(AnnouncementEditorView view) => view.ETag.Trim('"');

    /// <summary>A date input and a time input read as one Europe/Berlin wall-clock time (<c>2026-12-01T08:00</c>), or null when both are empty.</summary>
    protected static string? LocalTime(string? date, string? time) =>
        string.IsNullOrWhiteSpace(date) && string.IsNullOrWhiteSpace(time) ? null : $"{date?.Trim()}T{time?.Trim()}";

    /// <summary>An instant as the values of a date input and a time input in Europe/Berlin.</summary>
    protected static (string Date, string Time) DateAndTime(DateTimeOffset instant)
    {
        var local = CivilTime.ToBerlin(instant);
        return (local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), local.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    /// <summary>A status in words.</summary>
    public static string StatusName(string status) => status switch
    {
        nameof(AnnouncementStatus.Draft) => PortalText.Pick("Entwurf", "Draft"),
        nameof(AnnouncementStatus.Scheduled) => PortalText.Pick("Geplant", "Scheduled"),
        nameof(AnnouncementStatus.Published) => PortalText.Pick("Veröffentlicht", "Published"),
        nameof(AnnouncementStatus.Expired) => PortalText.Pick("Abgelaufen", "Expired"),
        nameof(AnnouncementStatus.Archived) => PortalText.Pick("Archiviert", "Archived"),
        _ => status,
    };
}
