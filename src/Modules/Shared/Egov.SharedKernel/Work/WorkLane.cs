namespace Egov.SharedKernel.Work;

/// <summary>
/// A lane of a <see cref="LeasedWorker{TItem}"/>: a loop of its own that claims and works off items.
/// A worker with a priority lane (alerts, crisis posts) never lets that work wait behind routine work.
/// </summary>
public enum WorkLane
{
    /// <summary>Claims everything due, priority work first.</summary>
    General = 0,

    /// <summary>Claims only priority work (alert push, crisis deliveries).</summary>
    Priority = 1,
}
