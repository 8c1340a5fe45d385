using Egov.SharedKernel.Work;

namespace Egov.IntegrationTests;

/// <summary>Drives a kernel leased worker by hand, as a host instance's background loop would.</summary>
internal static class LeasedWorkers
{
    /// <summary>Runs rounds of <paramref name="worker"/>'s general lane until one claims nothing; returns how many items it claimed in all.</summary>
    public static async Task<int> DrainAsync<TItem>(LeasedWorker<TItem> worker)
    {
        var total = 0;
        int claimed;
        while ((claimed = await worker.RunOnceAsync(WorkLane.General, TestContext.Current.CancellationToken)) > 0)
        {
            total += claimed;

            // Lets a second worker of the same test claim between rounds.
            await Task.Yield();
        }

        return total;
    }
}
