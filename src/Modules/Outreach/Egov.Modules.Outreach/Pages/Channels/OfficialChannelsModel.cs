using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Features.Channels.Kinds;
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
internal sealed class OfficialChannelsModel(ISender sender, ChannelKinds kinds) : PageModel
{
    public IReadOnlyList<OfficialChannel> Channels { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Channels = await sender.Send(new ListOfficialChannelsQuery(), cancellationToken);

    /// <summary>The platform's name for people (<see cref="ChannelKind.DisplayNameDe"/> or <see cref="ChannelKind.DisplayNameEn"/>).</summary>
    public string Platform(string kind) =>
        kinds.Find(kind) is { } found ? PortalText.Pick(found.DisplayNameDe, found.DisplayNameEn) : kind;
}
