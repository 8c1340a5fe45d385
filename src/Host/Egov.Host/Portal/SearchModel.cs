using Egov.Modules.Announcements.Features.Reading;
using Egov.Modules.Forms.Contracts;
using Egov.Modules.Forms.Features.Catalog;
using Egov.SharedKernel.Reads;
using Egov.SharedKernel.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egov.Host.Portal;

/// <summary>
/// <c>/suche?q=…</c>: one search over the online services (title and description, in either language)
/// and the announcements (the announcement search with its German stemming, "Parkausweise" finds
/// "Parkausweis"). A longer query than the announcement search takes is cut, not refused.
/// </summary>
[AllowAnonymous]
[CachePublicPage(FormReadRegion.Name)]
internal sealed class SearchModel(ISender sender) : PageModel
{
    /// <summary>The longest query (the announcement search's limit).</summary>
    public const int MaxQueryLength = 200;

    public string Query { get; private set; } = "";

    public IReadOnlyList<FormSummary> Services { get; private set; } = [];

    public IReadOnlyList<AnnouncementSummary> Announcements { get; private set; } = [];

    public async Task OnGetAsync(string? q, CancellationToken cancellationToken)
    {
        Query = (q ?? "").Trim() is { Length: > MaxQueryLength } longer ? longer[..MaxQueryLength] : (q ?? "").Trim();
        if (Query.Length == 0)
        {
            return;
        }

        var terms = Query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // The catalog is small (tens of forms): read it whole and match every term in a title or description.
        var forms = await sender.Send(new ListFormsQuery(null, Egov.SharedKernel.Paging.Cursor.MaxPageSize), cancellationToken);
        Services = forms.Items.Where(f => terms.All(t =>
                new[] { f.Title.De, f.Title.En, f.Description.De, f.Description.En }.Any(text => text?.Contains(t, StringComparison.CurrentCultureIgnoreCase) == true)))
            .ToList();
        var found = await sender.Send(new ListAnnouncementsQuery(new AnnouncementFilter(null, null, PortalText.Language, null, Query), null, 20), cancellationToken);
        Announcements = found.Items;
    }
}
