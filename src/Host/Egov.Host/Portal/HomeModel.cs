using Egov.Host.Portal.City;
using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Features.Reading;
using Egov.Modules.Forms.Contracts;
using Egov.Modules.Forms.Features.Catalog;
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
/// modules' existing public queries (the same read side as <c>/announcements</c> and <c>/forms</c>).
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

    public IReadOnlyList<AnnouncementSummary> News { get; private set; } = [];

    public IReadOnlyList<FormSummary> Services { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Alerts are left out here: the banner above already shows every alert in force.
        var news = await sender.Send(new ListAnnouncementsQuery(
            new AnnouncementFilter(AnnouncementKind.News, null, PortalText.Language, null, null), null, NewsCount), cancellationToken);
        News = news.Items;
        Services = (await sender.Send(new ListFormsQuery(null, ServiceCount), cancellationToken)).Items;
    }
}
