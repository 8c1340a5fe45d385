using Egov.SharedKernel.Outbox;

namespace Egov.Modules.Announcements.Contracts;

/// <summary>
/// A crisis alert (CAP msgType Alert) went public. The mobile backend pushes it at high urgency to
/// every device subscribed to the area; Outreach fans it out to crisis-capable channels.
/// Delivered at least once: handlers deduplicate on <see cref="EventId"/>.
/// </summary>
/// <param name="EventId">Unique id of this occurrence.</param>
/// <param name="OccurredAt">When it went public (UTC).</param>
/// <param name="AlertId">Id of the alert (an announcement of kind Alert).</param>
/// <param name="Headline">German headline.</param>
/// <param name="Severity">CAP severity: Extreme, Severe, Moderate, Minor, Unknown.</param>
/// <param name="Urgency">CAP urgency: Immediate, Expected, Future, Past, Unknown.</param>
/// <param name="AreaDescription">The areas' descriptions, joined with "; ".</param>
/// <param name="RegionalKeys">German regional keys (ARS/AGS geocodes) of the areas.</param>
/// <param name="Expires">When the alert expires (UTC).</param>
/// <param name="Slug">URL name of the alert's public page: <c>{PublicBaseAddress}announcements/{slug}</c>; null from senders before it was added.</param>
public sealed record AlertIssuedIntegrationEvent(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid AlertId,
    string Headline,
    string Severity,
    string Urgency,
    string AreaDescription,
    IReadOnlyList<string> RegionalKeys,
    DateTimeOffset Expires,
    string? Slug = null) : IIntegrationEvent;

/// <summary>An alert (CAP msgType Update) replaced earlier ones; same delivery rules as <see cref="AlertIssuedIntegrationEvent"/>.</summary>
/// <param name="EventId">Unique id of this occurrence.</param>
/// <param name="OccurredAt">When it went public (UTC).</param>
/// <param name="AlertId">Id of the updating alert.</param>
/// <param name="Updates">Ids of the alerts it updates.</param>
/// <param name="Headline">German headline.</param>
/// <param name="Severity">CAP severity.</param>
/// <param name="Urgency">CAP urgency.</param>
/// <param name="AreaDescription">The areas' descriptions.</param>
/// <param name="RegionalKeys">German regional keys of the areas.</param>
/// <param name="Expires">When it expires (UTC).</param>
/// <param name="Slug">URL name of the alert's public page: <c>{PublicBaseAddress}announcements/{slug}</c>; null from senders before it was added.</param>
public sealed record AlertUpdatedIntegrationEvent(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid AlertId,
    IReadOnlyList<Guid> Updates,
    string Headline,
    string Severity,
    string Urgency,
    string AreaDescription,
    IReadOnlyList<string> RegionalKeys,
    DateTimeOffset Expires,
    string? Slug = null) : IIntegrationEvent;

/// <summary>An alert (CAP msgType Cancel) withdrew earlier ones (all-clear).</summary>
/// <param name="EventId">Unique id of this occurrence.</param>
/// <param name="OccurredAt">When it went public (UTC).</param>
/// <param name="AlertId">Id of the cancelling alert.</param>
/// <param name="Cancels">Ids of the alerts it cancels.</param>
/// <param name="Headline">German headline.</param>
/// <param name="AreaDescription">The areas' descriptions.</param>
/// <param name="RegionalKeys">German regional keys of the areas.</param>
/// <param name="Slug">URL name of the alert's public page: <c>{PublicBaseAddress}announcements/{slug}</c>; null from senders before it was added.</param>
public sealed record AlertCancelledIntegrationEvent(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid AlertId,
    IReadOnlyList<Guid> Cancels,
    string Headline,
    string AreaDescription,
    IReadOnlyList<string> RegionalKeys,
    string? Slug = null) : IIntegrationEvent;
