using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Domain.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Channels;

/// <summary>
/// The limits to check a channel's posts against. A Mastodon channel's limits are read again from
/// its instance once they are older than <see cref="OutreachOptions.InstanceLimitsCacheDuration"/>
/// (an instance may raise or lower them at any time); when the instance cannot be reached, the limits
/// read last stay in use. The refreshed values are stored with the channel by the caller's save.
/// </summary>
internal sealed partial class ChannelLimitsProvider(MastodonInstanceReader reader, IOptions<OutreachOptions> options, TimeProvider time, ILogger<ChannelLimitsProvider> logger)
{
    /// <summary>The limits to check against now; image limits filled from the documented ones where the stored limits predate them.</summary>
    public async Task<ChannelLimits> CurrentAsync(Channel channel, CancellationToken cancellationToken) =>
        ChannelLimitsMapping.WithImageLimits(channel.Kind, await StoredOrReadAsync(channel, cancellationToken));

    private async Task<ChannelLimits> StoredOrReadAsync(Channel channel, CancellationToken cancellationToken)
    {
        if (channel.Kind != OutreachChannelKinds.Mastodon || channel.Address is null)
        {
            return channel.Limits;
        }

        var now = time.GetUtcNow();
        if (channel.Limits.ReadAt is { } readAt && now - readAt < options.Value.InstanceLimitsCacheDuration)
        {
            return channel.Limits;
        }

        try
        {
            var limits = await reader.ReadLimitsAsync(new Uri(channel.Address), cancellationToken);
            channel.RefreshLimits(limits, now);
            return limits;
        }
        catch (PlatformUnavailableException e)
        {
            LogStale(channel.Name, channel.Limits.ReadAt, e.Message);
            return channel.Limits;
        }
    }

    [LoggerMessage(EventId = 800, Level = LogLevel.Warning, Message = "Limits of channel {Channel} could not be read again; using those read at {ReadAt}: {Reason}")]
    private partial void LogStale(string channel, DateTimeOffset? readAt, string reason);
}
