using Egov.Modules.Outreach.Domain.Channels;
using Egov.Modules.Outreach.Features.Channels.Kinds;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Channels;

/// <summary>
/// The limits to check a channel's posts against. The limits of a kind that reads them from the platform
/// (<see cref="ChannelKind.ReadsLimitsFromPlatform"/>, Mastodon: its instance) are read again once they are older than <see cref="OutreachOptions.InstanceLimitsCacheDuration"/>
/// (an instance may raise or lower them at any time); when the instance cannot be reached, the limits
/// read last stay in use. The refreshed values are stored with the channel by the caller's save.
/// </summary>
internal sealed partial class ChannelLimitsProvider(ChannelKinds kinds, IEnumerable<IPlatformLimitsReader> readers, IOptions<OutreachOptions> options, TimeProvider time, ILogger<ChannelLimitsProvider> logger)
{
    /// <summary>The limits to check against now; image limits filled from the documented ones where the stored limits predate them.</summary>
    public async Task<ChannelLimits> CurrentAsync(Channel channel, CancellationToken cancellationToken) =>
        kinds.Get(channel.Kind).WithImageLimits(await StoredOrReadAsync(channel, cancellationToken));

    /// <summary>The limits the platform of <paramref name="kind"/> at <paramref name="address"/> states now.</summary>
    /// <exception cref="PlatformUnavailableException">The platform could not be read.</exception>
    /// <exception cref="InvalidOperationException">The kind does not read its limits from the platform.</exception>
    public Task<ChannelLimits> ReadFromPlatformAsync(string kind, Uri address, CancellationToken cancellationToken) =>
        (readers.FirstOrDefault(reader => reader.Kind == kind)
            ?? throw new InvalidOperationException($"No limits reader is registered for the channel kind {kind}."))
        .ReadLimitsAsync(address, cancellationToken);

    private async Task<ChannelLimits> StoredOrReadAsync(Channel channel, CancellationToken cancellationToken)
    {
        if (!kinds.Get(channel.Kind).ReadsLimitsFromPlatform || channel.Address is null)
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
            var limits = await ReadFromPlatformAsync(channel.Kind, new Uri(channel.Address), cancellationToken);
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
