namespace Egov.Modules.Mobile.Domain.Push;

/// <summary>
/// An alert that was pushed, with its severity: an all-clear (CAP Cancel) names only the alerts it
/// cancels, and goes to the devices whose threshold those alerts reached.
/// </summary>
internal sealed class PushedAlert
{
    public Guid AlertId { get; init; }

    public int SeverityRank { get; set; }

    public DateTimeOffset PushedAt { get; set; }
}
