using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Features.OfficialChannels;
using Egov.SharedKernel.Reads;
using Egov.SharedKernel.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egov.Modules.Outreach.Pages.Channels;

/// <summary>
/// <c>/kanaele</c>: the official-channel register for people. Each profile is linked with
/// <c>rel="me"</c>: a Mastodon account that links back to this site shows it as verified, so in a
/// crisis citizens can check that an account speaking for the city really is the city's.
/// </summary>
[AllowAnonymous]
[CachePublicPage(OfficialChannelReadRegion.Name)]
internal sealed class OfficialChannelsModel(ISender sender) : PageModel
{
    public IReadOnlyList<OfficialChannel> Channels { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Channels = await sender.Send(new ListOfficialChannelsQuery(), cancellationToken);

    /// <summary>The platform's name for people.</summary>
    public static string Platform(string kind) => kind switch
    {
        "mastodon" => "Mastodon",
        "telegram" => "Telegram",
        "bluesky" => "Bluesky",
        "app-push" => PortalText.Pick("Stadt-App (Push-Nachrichten)", "City app (push notifications)"),
        _ => kind,
    };
}
