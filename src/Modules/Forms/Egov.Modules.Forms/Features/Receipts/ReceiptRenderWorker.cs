using Egov.Modules.Forms.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Forms.Features.Receipts;

/// <summary>
/// Renders receipt PDFs after their submission committed, off the request path: a bounded number of
/// renderers (<see cref="ReceiptOptions.RenderWorkers"/>) take the receipts of this instance from
/// <see cref="ReceiptRenderQueue"/> in batches (stored in one transaction each), so a burst of
/// submissions never waits for PDFs and rendering never takes more than that many cores; renderers
/// beyond the first join only while a backlog waits. A sweep renders every receipt still without PDF: at start
/// (a host killed between commit and render leaves some) and then every
/// <see cref="ReceiptOptions.RenderSweepInterval"/> for receipts older than
/// <see cref="SweepGrace"/> (those of another instance that stopped, or dropped from a full queue).
/// Several instances may render the same receipt; the output is deterministic and the first stored
/// copy is kept (<see cref="ReceiptPdfs"/>).
/// </summary>
internal sealed partial class ReceiptRenderWorker(
    IServiceScopeFactory scopes, ReceiptRenderQueue queue, IOptions<ReceiptOptions> options, TimeProvider time, ILogger<ReceiptRenderWorker> logger)
    : BackgroundService
{
    /// <summary>Later sweeps leave receipts younger than this to the instance that issued them.</summary>
    public static readonly TimeSpan SweepGrace = TimeSpan.FromSeconds(10);

    private const int SweepBatch = 100;

    /// <summary>
    /// Receipts a renderer takes from the queue at once and stores in one transaction: a burst of
    /// submissions costs one disk flush per batch instead of one per receipt, and the first receipt of
    /// a batch waits for at most 15 others to render (about 50 ms).
    /// </summary>
    private const int RenderBatch = 16;

    /// <summary>How often an idle extra renderer looks whether the backlog needs it.</summary>
    private static readonly TimeSpan BacklogPoll = TimeSpan.FromMilliseconds(20);

    /// <summary>Renders every receipt without PDF issued before <paramref name="issuedBefore"/>; returns how many.</summary>
    public async Task<int> SweepAsync(DateTimeOffset issuedBefore, CancellationToken cancellationToken)
    {
        var rendered = 0;
        while (true)
        {
            List<Guid> missing;
            await using (var scope = scopes.CreateAsyncScope())
            {
                missing = await scope.ServiceProvider.GetRequiredService<FormsDbContext>().Receipts.AsNoTracking()
                    .Where(r => r.Pdf == null && r.IssuedAt < issuedBefore)
                    .OrderBy(r => r.IssuedAt)
                    .Select(r => r.ApplicationId)
                    .Take(SweepBatch)
                    .ToListAsync(cancellationToken);
            }

            foreach (var batch in missing.Chunk(RenderBatch))
            {
                await RenderAsync(batch, cancellationToken);
                rendered += batch.Length;
            }

            if (missing.Count < SweepBatch)
            {
                return rendered;
            }
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and migrations run) before the first query.
        await Task.Yield();
        var workers = options.Value.RenderWorkers > 0 ? options.Value.RenderWorkers : Environment.ProcessorCount;
        await Task.WhenAll([.. Enumerable.Range(0, workers).Select(rank => RenderQueuedAsync(rank, stoppingToken)), SweepLoopAsync(stoppingToken)]);
    }

    /// <summary>
    /// One renderer. The first one (<paramref name="rank"/> 0) always takes work; renderer k joins only
    /// while more than k batches wait, so a steady trickle of submissions keeps one core busy at most
    /// and a burst gets every renderer until its backlog is gone.
    /// </summary>
    private async Task RenderQueuedAsync(int rank, CancellationToken stoppingToken)
    {
        var reader = queue.Reader;
        var batch = new List<Guid>(RenderBatch);
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                if (rank > 0 && reader.Count <= rank * RenderBatch)
                {
                    await Task.Delay(BacklogPoll, time, stoppingToken);
                    continue;
                }

                batch.Clear();
                while (batch.Count < RenderBatch && reader.TryRead(out var id))
                {
                    batch.Add(id);
                }

                if (batch.Count > 0)
                {
                    await RenderAsync(batch, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is left in the queue is rendered by the next start's sweep.
        }
    }

    private async Task SweepLoopAsync(CancellationToken stoppingToken)
    {
        // The first sweep takes every receipt without PDF: nothing of this instance is queued yet.
        var before = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var rendered = await SweepAsync(before, stoppingToken);
                if (rendered > 0)
                {
                    LogSwept(rendered);
                }

                await Task.Delay(options.Value.RenderSweepInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be down or not migrated yet; try again at the next sweep.
                LogSweepFailed(ex);
                await Task.Delay(options.Value.RenderSweepInterval, time, CancellationToken.None);
            }

            before = time.GetUtcNow() - SweepGrace;
        }
    }

    private async Task RenderAsync(IReadOnlyCollection<Guid> applicationIds, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var (_, failed) = await scope.ServiceProvider.GetRequiredService<ReceiptPdfs>().RenderManyAsync(applicationIds, cancellationToken);
            foreach (var (applicationId, error) in failed)
            {
                // Left without PDF: a download renders it, or the next sweep tries again.
                LogRenderFailed(error, applicationId);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The database failed the batch: all of it is left without PDF, as above.
            LogBatchFailed(ex, applicationIds.Count);
        }
    }

    [LoggerMessage(EventId = 5100, Level = LogLevel.Error, Message = "Rendering the receipt of application {ApplicationId} failed; the next sweep or a download tries again")]
    private partial void LogRenderFailed(Exception exception, Guid applicationId);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Error, Message = "Storing a batch of {Count} receipt PDFs failed; the next sweep or a download renders them again")]
    private partial void LogBatchFailed(Exception exception, int count);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Error, Message = "The sweep for receipts without PDF failed; it runs again at the next interval")]
    private partial void LogSweepFailed(Exception exception);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Rendered {Count} receipts that were still without PDF")]
    private partial void LogSwept(int count);
}
