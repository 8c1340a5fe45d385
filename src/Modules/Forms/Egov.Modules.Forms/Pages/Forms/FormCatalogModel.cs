using Egov.Modules.Forms.Contracts;
using Egov.Modules.Forms.Features.Catalog;
using Egov.SharedKernel.Reads;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egov.Modules.Forms.Pages.Forms;

/// <summary>The public form catalog: every form with a published version.</summary>
[AllowAnonymous]
[CachePublicPage(FormReadRegion.Name)]
internal sealed class FormCatalogModel(ISender sender) : PageModel
{
    public IReadOnlyList<FormSummary> Forms { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Forms = (await sender.Send(new ListFormsQuery(null, 100), cancellationToken)).Items;
}
