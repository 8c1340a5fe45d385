using Egov.Modules.Outreach.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Inbox;

/// <summary>
/// Deletes inbox items read longer ago than <see cref="InboxOptions.Retention"/> (GDPR Art. 5(1)(e), storage limitation:
/// citizens' names, handles and texts are kept only as long as the answering needs), hourly. A delete by age is the same
/// on every host instance, so any number may run it.
/// </summary>
internal sealed partial class InboxRetention(IServiceScopeFactory scopes, IOptions<InboxOptions> options, TimeProvider time, ILogger<InboxRetention> logger) : BackgroundService
{
    /// <summary>Deletes the items past their retention now.</summary>
    /// <returns>How many were deleted.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutreachDbContext>();
        var before = time.GetUtcNow() - options.Value.Retention;
        var deleted = await db.InboxItems.Where(i => i.ImportedAt < before).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            LogDeleted(deleted, before);
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        // First after an hour: at start the database may not be migrated yet.
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(EventId = 835, Level = LogLevel.Information, Message = "Inbox retention: {Count} items read before {Before} deleted")]
    private partial void LogDeleted(int count, DateTimeOffset before);

    [LoggerMessage(EventId = 836, Level = LogLevel.Warning, Message = "Inbox retention failed; tried again within the hour")]
    private partial void LogFailed(Exception exception);
}
