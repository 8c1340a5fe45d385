using System.Globalization;
using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Features.Authoring;
using Egov.Modules.Announcements.Features.Templates;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Security;
using Egov.SharedKernel.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egov.Modules.Announcements.Pages.Staff.Alerts;

/// <summary>
/// The crisis templates at <c>/staff/alerts/templates</c>, for Editors, Approvers and the crisis team: every template
/// with its revision and approval. Editors and CrisisManagers write new ones (<c>/staff/alerts/templates/new</c>); an
/// Approver approves a revision someone else wrote (four eyes: the module refuses the author); a CrisisManager issues
/// an approved one by filling its placeholders (one field each) — the alert goes out at once (break-glass) and the
/// page moves on to it.
/// </summary>
[Authorize(Policy = EgovPolicies.Staff)]
internal sealed class AlertTemplatesModel(ISender sender) : PageModel
{
    public IReadOnlyList<AlertTemplateView> Templates { get; private set; } = [];

    /// <summary>The template whose issue was refused, and why (field id → messages; general messages under "").</summary>
    public Guid? FailedTemplate { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>The values posted, shown again after a refusal.</summary>
    public IReadOnlyDictionary<string, string> Posted { get; private set; } = new Dictionary<string, string>();

    /// <summary>The signed-in staff member as the module knows them.</summary>
    public ContentActor Actor => AuthoringEndpoints.Actor(HttpContext);

    /// <summary>What the page says after a template was stored or approved.</summary>
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? saved, Guid? approved, CancellationToken cancellationToken)
    {
        if (!MayRead)
        {
            return Forbid();
        }

        Notice = saved is not null ? PortalText.Pick("Die Vorlage ist gespeichert. Sie braucht noch die Freigabe einer anderen Person der Pressestelle.", "The template is saved. It still needs the approval of someone else from the press office.")
            : approved is not null ? PortalText.Pick("Die Vorlage ist freigegeben und kann herausgegeben werden.", "The template is approved and can be issued.")
            : null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>
    /// Approves revision <paramref name="version"/> (the ETag read) of template <paramref name="id"/>: Approvers only,
    /// never its author (four eyes); a refusal is shown at the template with 403 or 409.
    /// </summary>
    public async Task<IActionResult> OnPostApproveAsync(Guid id, string? version, CancellationToken cancellationToken)
    {
        if (!MayRead)
        {
            return Forbid();
        }

        int? ifMatch = int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        try
        {
            await sender.Send(new ApproveAlertTemplateCommand(Actor, id, ifMatch), cancellationToken);
            return Redirect($"/staff/alerts/templates?approved={id}#t-{id.ToString("N")[..8]}-name");
        }
        catch (ProblemException refused) when (refused is ForbiddenException or ConflictException or NotFoundException or PreconditionFailedException or PreconditionRequiredException)
        {
            Errors = new Dictionary<string, string[]>
            {
                [""] = [refused is PreconditionFailedException
                    ? PortalText.Pick("Jemand anderes hat die Vorlage in der Zwischenzeit geändert; bitte prüfen Sie die neue Fassung.", "Someone else changed the template in the meantime; please check the new revision.")
                    : refused.Message],
            };
            FailedTemplate = id;
            Response.StatusCode = refused is ForbiddenException ? StatusCodes.Status403Forbidden : refused is NotFoundException ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict;
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    /// <summary>Issues the template <paramref name="id"/> with the posted <c>values[Name]</c> fields.</summary>
    public async Task<IActionResult> OnPostIssueAsync(Guid id, Dictionary<string, string?>? values, CancellationToken cancellationToken)
    {
        if (!Actor.IsCrisisManager)
        {
            return Forbid();
        }

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
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Whether the signed-in staff member may see templates (Editor, Approver, CrisisManager).</summary>
    public bool MayRead => Actor.IsEditor || Actor.IsApprover || Actor.IsCrisisManager;

    /// <summary>Whether they may write templates (Editor, CrisisManager).</summary>
    public bool MayWrite => Actor.IsEditor || Actor.IsCrisisManager;

    /// <summary>The ETag of a template without quotes, as the approval form posts it (If-Match).</summary>
    public static string VersionOf(AlertTemplateView template) => template.ETag.Trim('"');

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Templates = await sender.Send(new ListAlertTemplatesQuery(Actor), cancellationToken);

    /// <summary>The messages for <c>values.{placeholder}</c> of the failed template.</summary>
    public string[] ErrorsFor(Guid template, string placeholder) =>
        FailedTemplate == template && Errors.TryGetValue("values." + placeholder, out var messages) ? messages : [];

    /// <summary>Messages of the failed template not tied to one field.</summary>
    public IEnumerable<string> GeneralErrorsFor(Guid template) =>
        FailedTemplate == template ? Errors.Where(e => !e.Key.StartsWith("values.", StringComparison.Ordinal) || e.Key == "values").SelectMany(e => e.Value) : [];
}
