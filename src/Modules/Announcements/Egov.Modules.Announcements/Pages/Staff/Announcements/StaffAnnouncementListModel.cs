using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Features.Authoring;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Paging;
using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egov.Modules.Announcements.Pages.Staff.Announcements;

/// <summary>
/// The editorial list at <c>/staff/announcements</c>: every announcement in any state, last changed
/// first, filtered by state, 20 a page (the editorial list query; Editor, Approver, CrisisManager).
/// </summary>
[Authorize(Policy = EgovPolicies.Staff)]
internal sealed class StaffAnnouncementListModel(ISender sender) : PageModel
{
    public const int PageSize = 20;

    public static IReadOnlyList<string> Statuses { get; } = [.. Enum.GetNames<AnnouncementStatus>()];

    /// <summary>The filter when it names a state, else null (all).</summary>
    public string? Status { get; private set; }

    public string? Cursor { get; private set; }

    public CursorPage<AnnouncementEditorSummary> Announcements { get; private set; } = null!;

    public bool MayWrite { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? status, string? cursor, CancellationToken cancellationToken)
    {
        Status = Statuses.FirstOrDefault(s => string.Equals(s, status, StringComparison.OrdinalIgnoreCase));
        var actor = AuthoringEndpoints.Actor(HttpContext);
        MayWrite = actor.IsEditor;
        var filter = Status is null ? (AnnouncementStatus?)null : Enum.Parse<AnnouncementStatus>(Status);
        try
        {
            Announcements = await sender.Send(new ListAnnouncementsForEditingQuery(actor, filter, null, null, cursor, PageSize), cancellationToken);
            Cursor = cursor;
        }
        catch (RequestValidationException)
        {
            // A cursor that is not ours (edited by hand): the first page instead of an error.
            Announcements = await sender.Send(new ListAnnouncementsForEditingQuery(actor, filter, null, null, null, PageSize), cancellationToken);
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }

        return Page();
    }

    /// <summary>Where a row leads: alerts to the alert form, the rest to the editor.</summary>
    public static string EditLink(AnnouncementEditorSummary item) =>
        item.Kind == AnnouncementKinds.Alert ? $"/staff/alerts/{item.Id}" : $"/staff/announcements/{item.Id}";
}
