namespace Egov.Modules.Outreach.Features.Push;

/// <summary>Wakes the fan-out right after an event handler stored a job, instead of at the next poll.</summary>
internal sealed class PushSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        if (_semaphore.CurrentCount == 0)
        {
            try
            {
                _semaphore.Release();
            }
            catch (SemaphoreFullException)
            {
                // Two notifications at once: the fan-out wakes once, which is all it needs.
            }
        }
    }

    public void Dispose() => _semaphore.Dispose();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);
}
