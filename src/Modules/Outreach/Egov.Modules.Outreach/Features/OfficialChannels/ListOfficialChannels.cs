using Egov.Modules.Outreach.Features.Channels.Kinds;
using Egov.Modules.Outreach.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.OfficialChannels;

/// <summary>The enabled public channels of the city, by name (anonymous).</summary>
internal sealed record ListOfficialChannelsQuery : IQuery<IReadOnlyList<OfficialChannel>>;

/// <summary>
/// Reads the register from the channel registry: only the fields a citizen needs, never credentials
/// or limits. Kinds that are no voice people follow (<see cref="ChannelKind.IsPublicVoice"/>: webhooks feed
/// other systems) are left out; the profile URL is the kind's (<see cref="ChannelKind.ProfileUrl"/>).
/// </summary>
internal sealed class ListOfficialChannelsHandler(OutreachDbContext db, ChannelKinds kinds) : IQueryHandler<ListOfficialChannelsQuery, IReadOnlyList<OfficialChannel>>
{
    public async ValueTask<IReadOnlyList<OfficialChannel>> Handle(ListOfficialChannelsQuery query, CancellationToken cancellationToken)
    {
        var voices = kinds.All.Where(kind => kind.IsPublicVoice).Select(kind => kind.Name).ToList();
        var rows = await db.Channels.AsNoTracking()
            .Where(c => c.Enabled && voices.Contains(c.Kind))
            .OrderBy(c => c.Name)
            .Select(c => new { c.Kind, c.Name, c.Address, c.Account, c.CrisisCapable, c.OwningUnit, c.AssessmentDone, c.AssessedOn, c.JointControllershipNote })
            .ToListAsync(cancellationToken);
        return rows.Select(c => new OfficialChannel(
                c.Kind, c.Name, kinds.Find(c.Kind)?.ProfileUrl(c.Address, c.Account),
                c.CrisisCapable ? OfficialChannel.NewsAndAlerts : OfficialChannel.News,
                c.OwningUnit, c.AssessmentDone ? c.AssessedOn : null, c.JointControllershipNote))
            .ToList();
    }
}
