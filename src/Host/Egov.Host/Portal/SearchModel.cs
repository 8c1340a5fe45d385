using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Forms.Contracts;
using Egov.SharedKernel.Reads;
using Egov.SharedKernel.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egov.Host.Portal;

/// <summary>
/// <c>/suche?q=…</c>: one search over the online services (every word in a title or description, in
/// either language: <see cref="ListPublicServicesQuery"/>) and the announcements (the announcement search
/// with its German stemming, "Parkausweise" finds "Parkausweis": <see cref="ListAnnouncementTeasersQuery"/>).
/// A longer query than the announcement search takes is cut, not refused.
/// </summary>
[AllowAnonymous]
[CachePublicPage(FormReadRegion.Name)]
internal sealed class SearchModel(ISender sender) : PageModel
{
    /// <summary>The longest query (the announcement search's limit).</summary>
    public const int MaxQueryLength = 200;

    /// <summary>How many services at most: the whole catalog (tens of forms) fits.</summary>
    public const int ServiceLimit = 100;

    /// <summary>How many announcements at most, newest first.</summary>
    public const int AnnouncementLimit = 20;

    public string Query { get; private set; } = "";

    public IReadOnlyList<PublicService> Services { get; private set; } = [];

    public IReadOnlyList<AnnouncementTeaser> Announcements { get; private set; } = [];

    public async Task OnGetAsync(string? q, CancellationToken cancellationToken)
    {
        Query = (q ?? "").Trim() is { Length: > MaxQueryLength } longer ? longer[..MaxQueryLength] : (q ?? "").Trim();
        if (Query.Length == 0)
        {
            return;
        }

        Services = await sender.Send(new ListPublicServicesQuery(Query, ServiceLimit), cancellationToken);
        Announcements = await sender.Send(new ListAnnouncementTeasersQuery(null, PortalText.Language, Query, AnnouncementLimit), cancellationToken);
    }
}
