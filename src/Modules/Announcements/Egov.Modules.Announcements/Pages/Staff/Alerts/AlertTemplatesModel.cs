using Egov.Modules.Announcements.Features.Authoring;
using Egov.Modules.Announcements.Features.Templates;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egov.Modules.Announcements.Pages.Staff.Alerts;

/// <summary>
/// The crisis team's prepared texts at <c>/staff/alerts/templates</c>: every crisis template with its revision and
/// approval; an approved one is issued by filling its placeholders (one field each) — the alert goes out at once
/// (break-glass) and the page moves on to it. Templates are written and approved through the API.
/// </summary>
[Authorize(Policy = EgovPolicies.IssueAlerts)]
internal sealed class AlertTemplatesModel(ISender sender) : PageModel
{
    public IReadOnlyList<AlertTemplateView> Templates { get; private set; } = [];

    /// <summary>The template whose issue was refused, and why (field id → messages; general messages under "").</summary>
    public Guid? FailedTemplate { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>The values posted, shown again after a refusal.</summary>
    public IReadOnlyDictionary<string, string> Posted { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Templates = await sender.Send(new ListAlertTemplatesQuery(AuthoringEndpoints.Actor(HttpContext)), cancellationToken);

    /// <summary>Issues the template <paramref name="id"/> with the posted <c>values[Name]</c> fields.</summary>
    public async Task<IActionResult> OnPostIssueAsync(Guid id, Dictionary<string, string?>? values, CancellationToken cancellationToken)
    {
        values ??= [];
        try
        {
            var issued = await sender.Send(new IssueAlertTemplateCommand(AuthoringEndpoints.Actor(HttpContext), id, new IssueAlertTemplateRequest(values)), cancellationToken);
            return Redirect($"/staff/alerts/{issued.AlertId}?issued=true");
        }
        catch (RequestValidationException refused)
        {
            Errors = refused.Errors;
        }
        catch (Exception refused) when (refused is ConflictException or NotFoundException)
        {
            Errors = new Dictionary<string, string[]> { [""] = [refused.Message] };
        }

        FailedTemplate = id;
        Posted = values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!, StringComparer.Ordinal);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await OnGetAsync(cancellationToken);
        return Page();
    }

    /// <summary>The messages for <c>values.{placeholder}</c> of the failed template.</summary>
    public string[] ErrorsFor(Guid template, string placeholder) =>
        FailedTemplate == template && Errors.TryGetValue("values." + placeholder, out var messages) ? messages : [];

    /// <summary>Messages of the failed template not tied to one field.</summary>
    public IEnumerable<string> GeneralErrorsFor(Guid template) =>
        FailedTemplate == template ? Errors.Where(e => !e.Key.StartsWith("values.", StringComparison.Ordinal) || e.Key == "values").SelectMany(e => e.Value) : [];
}
