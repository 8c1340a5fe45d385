using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.OfficialChannels;

/// <summary>
/// Reads the register from the channel registry: only the fields a citizen needs, never credentials
/// or limits. Webhooks are left out: they feed other systems, they are not a voice people follow.
/// </summary>
internal sealed class ListOfficialChannelsHandler(OutreachDbContext db) : IQueryHandler<ListOfficialChannelsQuery, IReadOnlyList<OfficialChannel>>
{
    public async ValueTask<IReadOnlyList<OfficialChannel>> Handle(ListOfficialChannelsQuery query, CancellationToken cancellationToken)
    {
        var rows = await db.Channels.AsNoTracking()
            .Where(c => c.Enabled && c.Kind != OutreachChannelKinds.Webhook)
            .OrderBy(c => c.Name)
            .Select(c => new { c.Kind, c.Name, c.Address, c.Account, c.CrisisCapable, c.OwningUnit, c.AssessmentDone, c.AssessedOn, c.JointControllershipNote })
            .ToListAsync(cancellationToken);
        return rows.Select(c => new OfficialChannel(
                c.Kind, c.Name, ProfileUrl(c.Kind, c.Address, c.Account),
                c.CrisisCapable ? OfficialChannel.NewsAndAlerts : OfficialChannel.News,
                c.OwningUnit, c.AssessmentDone ? c.AssessedOn : null, c.JointControllershipNote))
            .ToList();
    }

    /// <summary>
    /// The profile page of an account: Mastodon <c>{instance}/@{user}</c> (the page whose
    /// <c>rel="me"</c> link back to the portal makes Mastodon show the portal as verified), Telegram
    /// <c>https://t.me/{channel}</c> for a public <c>@name</c>, Bluesky <c>https://bsky.app/profile/{handle}</c>.
    /// Null where there is no public page (app push, a private Telegram chat id) or the address is malformed.
    /// </summary>
    internal static Uri? ProfileUrl(string kind, string? address, string? account)
    {
        var handle = account?.Trim().TrimStart('@');
        return kind switch
        {
            OutreachChannelKinds.Mastodon when handle is { Length: > 0 } && Uri.TryCreate(address, UriKind.Absolute, out var instance)
                => new Uri(instance, "/@" + Uri.EscapeDataString(handle.Split('@')[0])),
            OutreachChannelKinds.Telegram when address is { Length: > 1 } && address.StartsWith('@')
                => new Uri("https://t.me/" + Uri.EscapeDataString(address[1..])),
            OutreachChannelKinds.Bluesky when handle is { Length: > 0 }
                => new Uri("https://bsky.app/profile/" + Uri.EscapeDataString(handle)),
            _ => null,
        };
    }
}
