using Egov.Modules.Outreach.Features.Guidelines;
using Egov.SharedKernel.Security;
using Egov.SharedKernel.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Egov.Modules.Outreach.Pages.Staff.Outreach;

/// <summary>
/// The social-media guidelines in force at <c>/staff/outreach/guidelines</c>: the text (sanitised
/// Markdown), its version, whether I accepted it, and "I have read and accept" — the acknowledgement
/// the gate asks for before drafting or approving.
/// </summary>
[Authorize(Policy = EgovPolicies.Staff)]
internal sealed class GuidelinesModel(ISender sender) : OutreachPage
{
    public GuidelineView Guideline { get; private set; } = null!;

    public string BodyHtml { get; private set; } = "";

    public bool JustAccepted { get; private set; }

    public async Task OnGetAsync(bool accepted, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        JustAccepted = accepted && Guideline.AcknowledgedAt is not null;
    }

    public async Task<IActionResult> OnPostAsync(int version, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => sender.Send(new AcknowledgeGuidelineCommand(Actor, version), cancellationToken).AsTask()))
        {
            return Redirect(GuidelinesPath + "?accepted=true");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Guideline = await sender.Send(new GetGuidelineQuery(Actor, null), cancellationToken);
        BodyHtml = SafeMarkdown.ToHtml(Guideline.Body, headingOffset: 1);
    }
}
