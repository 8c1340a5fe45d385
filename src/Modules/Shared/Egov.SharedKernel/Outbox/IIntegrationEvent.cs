using Mediator;

namespace Egov.SharedKernel.Outbox;

/// <summary>
/// A fact one module tells the others, published through the transactional outbox: stored in the
/// publishing module's database in the same transaction as the change, then delivered through the
/// mediator after commit, <b>at least once</b>. Handlers must therefore be idempotent; the
/// <see cref="EventId"/> is the key to deduplicate on (see <see cref="Persistence.ModuleDbContext.HasProcessedAsync"/>).
/// </summary>
/// <remarks>
/// Events are serialised with System.Text.Json (web defaults) and found again by their type's full
/// name and assembly name: renaming or moving an event type needs a migration of waiting outbox rows.
/// </remarks>
public interface IIntegrationEvent : INotification
{
    /// <summary>Unique id of this occurrence; the same across every retry of its delivery.</summary>
    Guid EventId { get; }

    /// <summary>When the fact happened, as a UTC instant.</summary>
    DateTimeOffset OccurredAt { get; }
}
