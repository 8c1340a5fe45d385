using Egov.Modules.Outreach.Domain.Deliveries;
using Egov.Modules.Outreach.Features.Channels;
using Egov.Modules.Outreach.Features.Channels.Kinds;
using Egov.Modules.Outreach.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Deliveries;

/// <summary>
/// Reads the engagement (favourites, boosts, replies) of posts sent within
/// <see cref="DeliveryOptions.EngagementWindow"/>, every <see cref="DeliveryOptions.EngagementInterval"/>,
/// from the platforms that offer it, for the channel report.
/// </summary>
internal sealed partial class EngagementReader(IServiceScopeFactory scopes, TimeProvider time, IOptions<DeliveryOptions> options, ILogger<EngagementReader> logger) : BackgroundService
{
    /// <summary>One pass over the recent sent deliveries; returns how many were read.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutreachDbContext>();
        var adapters = scope.ServiceProvider.GetServices<IChannelAdapter>().ToDictionary(a => a.Kind);
        var protector = scope.ServiceProvider.GetRequiredService<ChannelCredentialProtector>();
        var since = time.GetUtcNow() - options.Value.EngagementWindow;
        var sent = await db.Deliveries.Where(d => d.Status == DeliveryStatus.Sent && d.SentAt >= since && d.PlatformId != null).ToListAsync(cancellationToken);
        var channelIds = sent.Select(d => d.ChannelId).Distinct().ToList();
        var channels = await db.Channels.AsNoTracking().Where(c => channelIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var read = 0;
        foreach (var delivery in sent)
        {
            if (!channels.TryGetValue(delivery.ChannelId, out var channel) || !adapters.TryGetValue(channel.Kind, out var adapter) || channel.ProtectedCredentials is null)
            {
                continue;
            }

            try
            {
                var endpoint = new ChannelEndpoint(channel.Id, channel.Kind, channel.Name, channel.Address, channel.Account, protector.Unprotect(channel.ProtectedCredentials));
                if (await adapter.GetEngagementAsync(endpoint, delivery.PlatformId!, cancellationToken) is { } engagement)
                {
                    delivery.RecordEngagement(engagement.Favourites, engagement.Boosts, engagement.Replies, engagement.ReadAt);
                    read++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogReadFailed(e, delivery.Id, channel.Name);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return read;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.EngagementInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogReadFailed(e, Guid.Empty, "(all)");
            }
        }
    }

    [LoggerMessage(EventId = 820, Level = LogLevel.Warning, Message = "Engagement of delivery {DeliveryId} on {Channel} could not be read")]
    private partial void LogReadFailed(Exception exception, Guid deliveryId, string channel);
}
