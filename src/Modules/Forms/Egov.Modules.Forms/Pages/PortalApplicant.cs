using Egov.Modules.Forms.Features.Applications;
using Egov.SharedKernel.Web;
using Microsoft.AspNetCore.Http;

namespace Egov.Modules.Forms.Pages;

/// <summary>The signed-in citizen as the application handlers know them, speaking the portal's language.</summary>
internal static class PortalApplicant
{
    public static Applicant From(HttpContext http) => ApplicationEndpoints.Applicant(http) with { Language = PortalText.Language };

    public static string StatusName(string status) => status switch
    {
        "Draft" => PortalText.Pick("Entwurf", "Draft"),
        "Submitted" => PortalText.Pick("Eingegangen", "Submitted"),
        "Withdrawn" => PortalText.Pick("Zurückgezogen", "Withdrawn"),
        "InReview" => PortalText.Pick("In Bearbeitung", "In review"),
        "InformationRequested" => PortalText.Pick("Unterlagen nachgefordert", "Information requested"),
        "Approved" => PortalText.Pick("Bewilligt", "Approved"),
        "Rejected" => PortalText.Pick("Abgelehnt", "Rejected"),
        "Closed" => PortalText.Pick("Abgeschlossen", "Closed"),
        _ => status,
    };
}
