using Egov.Modules.Payments.Features.Reconciliation;
using Egov.SharedKernel.Security;
using Egov.SharedKernel.Time;
using Egov.SharedKernel.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egov.Modules.Payments.Pages.Staff.Treasury;

/// <summary>
/// The city treasury's daily reconciliation report at <c>/staff/kasse?day=2026-12-07</c>: per
/// provider what was paid and refunded, net and flagged, then every line; a day picker (a
/// Europe/Berlin calendar date, default today) and the CSV download of the same day. Same query and
/// the same authorisation as <c>GET /api/v1/payments/reconciliation</c> (policy <c>HandleCases</c>).
/// </summary>
[Authorize(Policy = EgovPolicies.HandleCases)]
internal sealed class TreasuryReportModel(ISender sender, TimeProvider time) : PageModel
{
    public ReconciliationReport Report { get; private set; } = null!;

    /// <summary>Today in Europe/Berlin (the picker's upper bound).</summary>
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(DateOnly? day, CancellationToken cancellationToken)
    {
        Today = CivilTime.Today(time);
        Report = await sender.Send(new GetReconciliationReportQuery(day), cancellationToken);
    }

    /// <summary>Cents as euros in the page's number format, e.g. <c>30,70 €</c>.</summary>
    public static string Euros(long cents) =>
        (cents / 100m).ToString("N2", System.Globalization.CultureInfo.CurrentCulture) + " €";

    public static string KindName(string kind) => kind switch
    {
        "Paid" => PortalText.Pick("bezahlt", "paid"),
        "Refunded" => PortalText.Pick("erstattet", "refunded"),
        "Flagged" => PortalText.Pick("zu prüfen", "to check"),
        _ => kind,
    };
}
