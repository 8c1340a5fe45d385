using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Announcements.Features.Reading;
using Egov.SharedKernel.Reads;
using Egov.SharedKernel.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egov.Modules.Announcements.Pages.Announcements;

/// <summary>
/// One public announcement at <c>/announcements/{slug}</c>, the address Outreach posts link to. The
/// body is the read side's sanitised HTML; an unknown slug is the read side's 404.
/// </summary>
[AllowAnonymous]
[CachePublicPage(AnnouncementReadRegion.Name)]
internal sealed class AnnouncementDetailModel(ISender sender) : PageModel
{
    public AnnouncementDetail Announcement { get; private set; } = null!;

    public async Task OnGetAsync(string slug, CancellationToken cancellationToken) =>
        Announcement = await sender.Send(new GetAnnouncementQuery(slug, PortalText.Language), cancellationToken);
}
