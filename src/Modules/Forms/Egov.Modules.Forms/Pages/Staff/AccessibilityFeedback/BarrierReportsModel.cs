using Egov.Modules.Forms.Features.AccessibilityFeedback;
using Egov.Modules.Forms.Features.Cases;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Security;
using Egov.SharedKernel.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egov.Modules.Forms.Pages.Staff.AccessibilityFeedback;

/// <summary>
/// The reported barriers at <c>/staff/barrierefreiheit</c>: open ones first by answer-by day (overdue marked), each
/// with a form to mark it answered; then the answered ones. Administrators and the configured department (else 403);
/// the page sends the same commands as <c>/api/v1/accessibility-feedback</c>.
/// </summary>
[Authorize(Policy = EgovPolicies.HandleCases)]
internal sealed class BarrierReportsModel(ISender sender) : PageModel
{
    public IReadOnlyList<AccessibilityFeedbackView> Reports { get; private set; } = [];

    public PageErrors Errors { get; } = new();

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool? done, CancellationToken cancellationToken)
    {
        Done = done == true;
        return await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAnsweredAsync(Guid id, string? note, CancellationToken cancellationToken)
    {
        try
        {
            await sender.Send(new MarkAccessibilityFeedbackAnsweredCommand(CaseEndpoints.Caseworker(HttpContext), id, note), cancellationToken);
            return RedirectToPage(new { done = true });
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
        catch (RequestValidationException)
        {
            Errors.Add($"note-{id}", PortalText.Pick("Vermerk", "Note"), PortalText.Pick("Höchstens 2000 Zeichen, ohne Steuerzeichen.", "At most 2000 characters, no control characters."));
        }
        catch (ConflictException)
        {
            Errors.Add($"note-{id}", PortalText.Pick("Vermerk", "Note"), PortalText.Pick("Die Meldung wurde inzwischen von jemand anderem als beantwortet vermerkt.", "Someone else has marked the report answered meanwhile."));
        }

        return await LoadAsync(cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Reports = await sender.Send(new ListAccessibilityFeedbackQuery(CaseEndpoints.Caseworker(HttpContext), null), cancellationToken);
            return Page();
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
    }
}
