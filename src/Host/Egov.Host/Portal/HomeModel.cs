using Egov.Host.Portal.City;
using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Forms.Contracts;
using Egov.SharedKernel.Reads;
using Egov.SharedKernel.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Egov.Host.Portal;

/// <summary>
/// The home page a citizen starts from: the alert in force (the layout's banner, first on every page),
/// the latest news with dates and teasers, the online services with fee and processing time, a search
/// over services and announcements, and the city's contact and opening hours. It reads through the
/// modules' Contracts queries (<see cref="ListAnnouncementTeasersQuery"/>, <see cref="ListPublicServicesQuery"/>),
/// which answer from the same public lists as <c>/announcements</c> and <c>/forms</c>.
/// </summary>
[AllowAnonymous]
[CachePublicPage(FormReadRegion.Name)]
internal sealed class HomeModel(ISender sender, IOptions<CityOptions> city) : PageModel
{
    /// <summary>How many news items and services the home page shows.</summary>
    public const int NewsCount = 4;

    /// <inheritdoc cref="NewsCount"/>
    public const int ServiceCount = 6;

    public CityOptions City => city.Value;

    public IReadOnlyList<AnnouncementTeaser> News { get; private set; } = [];

    public IReadOnlyList<PublicService> Services { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Alerts are left out here: the banner above already shows every alert in force.
        News = await sender.Send(new ListAnnouncementTeasersQuery(AnnouncementKinds.News, PortalText.Language, null, NewsCount), cancellationToken);
        Services = await sender.Send(new ListPublicServicesQuery(null, ServiceCount), cancellationToken);
    }
}
