using Egov.Modules.Forms.Features.Applications;
using Egov.Modules.Forms.Features.FormDocuments;
using Egov.Modules.Forms.Features.GetForm;
using Egov.Modules.Forms.Features.Receipts;
using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egov.Modules.Forms.Pages.Applications;

/// <summary>One of the citizen's applications: status, reference number, history, attachments and the receipt.</summary>
[Authorize(Policy = EgovPolicies.FileApplications)]
internal sealed class ApplicationDetailModel(ISender sender) : PageModel
{
    public ApplicationResponse Application { get; private set; } = null!;

    public FormDocument Form { get; private set; } = null!;

    public bool JustSubmitted { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool submitted, CancellationToken cancellationToken)
    {
        Application = await sender.Send(new GetApplicationQuery(PortalApplicant.From(HttpContext), id), cancellationToken);
        if (Application.Status == "Draft")
        {
            return Redirect($"/applications/{id}/edit");
        }

        Form = (await sender.Send(new GetFormQuery(Application.FormKey, Application.FormVersion), cancellationToken)).Definition;
        JustSubmitted = submitted;
        return Page();
    }

    /// <summary>The receipt (Eingangsbestätigung) as issued at submission, as a PDF download.</summary>
    public async Task<IActionResult> OnGetReceiptAsync(Guid id, CancellationToken cancellationToken)
    {
        var receipt = await sender.Send(new GetReceiptQuery(PortalApplicant.From(HttpContext), id), cancellationToken);
        return File(receipt.Pdf, "application/pdf", receipt.FileName);
    }
}
