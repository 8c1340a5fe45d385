using Egov.Modules.Outreach.Features.Channels;
using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace Egov.Modules.Outreach.Pages.Staff.Outreach;

/// <summary>The channel registry at <c>/staff/outreach/channels</c> (Administrator): every channel with its state and limits, never its credentials.</summary>
[Authorize(Policy = EgovPolicies.Administer)]
internal sealed class ChannelListModel(ISender sender) : OutreachPage
{
    public IReadOnlyList<ChannelView> Channels { get; private set; } = [];

    public string? Saved { get; private set; }

    public async Task OnGetAsync(string? saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        Channels = await sender.Send(new ListChannelsQuery(null), cancellationToken);
    }
}
