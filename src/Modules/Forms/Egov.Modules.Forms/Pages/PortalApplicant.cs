using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Applications;
using Egov.SharedKernel.Web;
using Microsoft.AspNetCore.Http;

namespace Egov.Modules.Forms.Pages;

/// <summary>The signed-in citizen as the application handlers know them, speaking the portal's language.</summary>
internal static class PortalApplicant
{
    public static Applicant From(HttpContext http) => ApplicationEndpoints.Applicant(http) with { Language = PortalText.Language };

    /// <summary>
    /// The files of a browser upload as the commands take them. A file input left empty posts one part
    /// without a file name; it is skipped, so the module reports "choose a file" instead of an empty file.
    /// </summary>
    public static async Task<IReadOnlyList<UploadedFile>> FilesAsync(IEnumerable<IFormFile> files, CancellationToken cancellationToken)
    {
        var uploads = new List<UploadedFile>();
        foreach (var file in files.Where(f => !string.IsNullOrEmpty(f.FileName)))
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            uploads.Add(new UploadedFile(file.FileName, buffer.ToArray()));
        }

        return uploads;
    }

    /// <summary>A fee payment's state (<c>PaymentStates</c>) in the page's language; null: no payment started.</summary>
    public static string PaymentStateName(string? state) => state switch
    {
        null => PortalText.Pick("noch nicht bezahlt", "not paid yet"),
        "Open" => PortalText.Pick("offen", "open"),
        "Paid" => PortalText.Pick("bezahlt", "paid"),
        "Failed" => PortalText.Pick("fehlgeschlagen – bitte erneut bezahlen", "failed – please pay again"),
        "Cancelled" => PortalText.Pick("abgebrochen – bitte erneut bezahlen", "cancelled – please pay again"),
        "Expired" => PortalText.Pick("abgelaufen – bitte erneut bezahlen", "expired – please pay again"),
        "Refunded" => PortalText.Pick("erstattet", "refunded"),
        _ => state,
    };

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
