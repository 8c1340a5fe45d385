namespace Egov.Modules.Mobile.Features.Push;

/// <summary>
/// Wakes a worker's two lanes (the priority lane for alerts and crisis posts, the general lane)
/// right after work was stored, instead of at the next poll. Each lane waits on its own semaphore,
/// so one notification wakes every idle lane: the priority lane never misses a wake-up because the
/// general lane took it.
/// </summary>
internal abstract class LaneSignal : IDisposable
{
    private readonly SemaphoreSlim _priority = new(0, 1);
    private readonly SemaphoreSlim _general = new(0, 1);

    public void Notify()
    {
        Release(_priority);
        Release(_general);
    }

    public void Dispose()
    {
        _priority.Dispose();
        _general.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Waits for a notification or <paramref name="timeout"/>; <paramref name="priorityLane"/> picks the lane.</summary>
    public Task<bool> WaitAsync(bool priorityLane, TimeSpan timeout, CancellationToken cancellationToken) =>
        (priorityLane ? _priority : _general).WaitAsync(timeout, cancellationToken);

    private static void Release(SemaphoreSlim semaphore)
    {
        if (semaphore.CurrentCount == 0)
        {
            try
            {
                semaphore.Release();
            }
            catch (SemaphoreFullException)
            {
                // Two notifications at once: the lane wakes once, which is all it needs.
            }
        }
    }
}
