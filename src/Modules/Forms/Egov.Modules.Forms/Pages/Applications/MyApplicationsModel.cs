using Egov.Modules.Forms.Features.Applications;
using Egov.Modules.Forms.Features.Catalog;
using Egov.SharedKernel.Paging;
using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egov.Modules.Forms.Pages.Applications;

/// <summary>"My applications": the citizen's drafts and submitted applications with their status, newest first.</summary>
[Authorize(Policy = EgovPolicies.FileApplications)]
internal sealed class MyApplicationsModel(ISender sender) : PageModel
{
    public CursorPage<ApplicationSummary> Applications { get; private set; } = null!;

    public IReadOnlyDictionary<string, FormSummary> Forms { get; private set; } = new Dictionary<string, FormSummary>();

    public async Task OnGetAsync(string? cursor, CancellationToken cancellationToken)
    {
        Applications = await sender.Send(new ListMyApplicationsQuery(PortalApplicant.From(HttpContext), cursor, 20), cancellationToken);
        Forms = (await sender.Send(new ListFormsQuery(null, 100), cancellationToken)).Items.ToDictionary(f => f.Key, StringComparer.Ordinal);
    }
}
