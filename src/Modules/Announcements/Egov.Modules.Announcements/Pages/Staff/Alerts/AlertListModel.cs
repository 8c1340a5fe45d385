using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Features.Authoring;
using Egov.Modules.Announcements.Features.Reading;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Paging;
using Egov.SharedKernel.Security;
using Egov.SharedKernel.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egov.Modules.Announcements.Pages.Staff.Alerts;

/// <summary>
/// The crisis team's overview at <c>/staff/alerts</c>: the alerts in force now (the public read
/// side's list, as in the banner) and all alerts in any state, last changed first, 20 a page.
/// </summary>
[Authorize(Policy = EgovPolicies.IssueAlerts)]
internal sealed class AlertListModel(ISender sender) : PageModel
{
    public IReadOnlyList<AnnouncementDetail> InForce { get; private set; } = [];

    public CursorPage<AnnouncementEditorSummary> Recent { get; private set; } = null!;

    public string? Cursor { get; private set; }

    public async Task OnGetAsync(string? cursor, CancellationToken cancellationToken)
    {
        InForce = await sender.Send(new ListActiveAlertsQuery(PortalText.Language), cancellationToken);
        var actor = AuthoringEndpoints.Actor(HttpContext);
        try
        {
            Recent = await sender.Send(new ListAnnouncementsForEditingQuery(actor, null, AnnouncementKind.Alert, null, cursor, 20), cancellationToken);
            Cursor = cursor;
        }
        catch (RequestValidationException)
        {
            // A cursor that is not ours: the first page instead of an error.
            Recent = await sender.Send(new ListAnnouncementsForEditingQuery(actor, null, AnnouncementKind.Alert, null, null, 20), cancellationToken);
        }
    }
}
