using Egov.Modules.Forms.Features.AccessibilityFeedback;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Egov.Modules.Forms.Pages.AccessibilityFeedback;

/// <summary>
/// The feedback form of the accessibility statement at <c>/barrierefreiheit/rueckmeldung</c>: anyone reports a barrier
/// without an account; the answer names the day the city will have answered by. The page sends the same command as
/// <c>POST /api/v1/accessibility-feedback</c>, under the same rate limit per IP address.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AccessibilityFeedbackEndpoints.ReportPolicy)]
internal sealed class ReportBarrierModel(ISender sender) : PageModel
{
    [BindProperty]
    public string? Where { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? ContactName { get; set; }

    [BindProperty]
    public string? ContactEmail { get; set; }

    public PageErrors Errors { get; } = new();

    /// <summary>Set once the report is taken.</summary>
    public AccessibilityFeedbackReceipt? Received { get; private set; }

    public void OnGet(string? page) => Where ??= page;

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            Received = await sender.Send(new FileAccessibilityFeedbackCommand(Where, Description, ContactName, ContactEmail, PortalText.Language), cancellationToken);
        }
        catch (RequestValidationException refused)
        {
            foreach (var field in refused.Errors.Keys)
            {
                var (label, message) = Explain(field);
                Errors.Add("feedback-" + field, label, message);
            }
        }
    }

    private static (string Label, string Message) Explain(string field) => field switch
    {
        "page" => (PortalText.Pick("Wo ist die Barriere?", "Where is the barrier?"),
            PortalText.Pick("Nennen Sie die Seite oder den Dienst (höchstens 500 Zeichen, ohne Steuerzeichen).", "Name the page or service (at most 500 characters, no control characters).")),
        "description" => (PortalText.Pick("Was ist die Barriere?", "What is the barrier?"),
            PortalText.Pick("Beschreiben Sie die Barriere (höchstens 4000 Zeichen, ohne Steuerzeichen).", "Describe the barrier (at most 4000 characters, no control characters).")),
        "contactName" => (PortalText.Pick("Name", "Name"), PortalText.Pick("Höchstens 200 Zeichen.", "At most 200 characters.")),
        "contactEmail" => (PortalText.Pick("E-Mail-Adresse", "E-mail address"),
            PortalText.Pick("Geben Sie eine E-Mail-Adresse wie name@beispiel.de an, oder lassen Sie das Feld leer.", "Enter an e-mail address such as name@example.org, or leave the field empty.")),
        _ => (field, PortalText.Pick("Bitte prüfen Sie diese Angabe.", "Please check this entry.")),
    };
}
