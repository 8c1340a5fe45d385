using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Features.Reading;
using Egov.SharedKernel.Paging;
using Egov.SharedKernel.Reads;
using Egov.SharedKernel.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egov.Modules.Announcements.Pages.Announcements;

/// <summary>The public list of announcements, newest first, through the public read side.</summary>
[AllowAnonymous]
[CachePublicPage(AnnouncementReadRegion.Name)]
internal sealed class AnnouncementListModel(ISender sender) : PageModel
{
    public static IReadOnlyList<string> Kinds { get; } = [.. Enum.GetNames<AnnouncementKind>()];

    public string? Kind { get; private set; }

    public CursorPage<AnnouncementSummary> Announcements { get; private set; } = null!;

    public async Task OnGetAsync(string? kind, string? cursor, CancellationToken cancellationToken)
    {
        Kind = Kinds.Contains(kind) ? kind : null;
        var filter = new AnnouncementFilter(Kind is null ? null : Enum.Parse<AnnouncementKind>(Kind), null, PortalText.Language, null, null);
        Announcements = await sender.Send(new ListAnnouncementsQuery(filter, cursor, 20), cancellationToken);
    }

    public static string KindName(string kind) => kind switch
    {
        AnnouncementKinds.News => PortalText.Pick("Nachricht", "News"),
        AnnouncementKinds.OfficialNotice => PortalText.Pick("Amtliche Bekanntmachung", "Official notice"),
        AnnouncementKinds.Event => PortalText.Pick("Veranstaltung", "Event"),
        AnnouncementKinds.Alert => PortalText.Pick("Warnung", "Alert"),
        _ => kind,
    };
}
