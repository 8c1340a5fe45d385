using Egov.SharedKernel.Work;

namespace Egov.Modules.Outreach.Domain.Inbox;

/// <summary>
/// Where the inbox reader stands on one channel (<c>outreach.inbox_cursors</c>, id = the channel's id): when it is next
/// due, the platform's paging position, and the lease of the host instance reading it now (<see cref="LeaseClaim"/>).
/// </summary>
internal sealed class InboxCursor : ILeasedRow
{
    private InboxCursor()
    {
    }

    /// <summary>The channel's id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The platform's position to read on from (Mastodon: the newest notification id seen), or null.</summary>
    public string? Position { get; private set; }

    /// <summary>When the channel is read next (UTC).</summary>
    public DateTimeOffset DueAt { get; private set; }

    public DateTimeOffset? LastReadAt { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public string? LockOwner { get; private set; }

    public static InboxCursor For(Guid channelId, DateTimeOffset now) => new() { Id = channelId, DueAt = now };
}
