using Mediator;

namespace Egov.Modules.Mobile.Contracts;

/// <summary>
/// Cross-module query: the app pushes of an alert so far, over all its push jobs (issue, updates,
/// shards). Cheap enough to poll every few seconds while the fan-out runs. An alert Mobile has not
/// pushed (yet) gives all-zero counts, never an error.
/// </summary>
/// <param name="AlertId">The alert's id, as in <c>AlertIssuedIntegrationEvent.AlertId</c> of Announcements.</param>
public sealed record GetAlertPushReachQuery(Guid AlertId) : IQuery<AlertPushCounts>;

/// <summary>App pushes of one alert (devices, one push each).</summary>
/// <param name="Sent">Pushes the push services accepted.</param>
/// <param name="Failed">Pushes given up, including registrations the push service called gone (then removed).</param>
/// <param name="Pending">Devices of the alert's audience (severity threshold and area) not pushed to yet; 0 once every push job of the alert is done.</param>
public sealed record AlertPushCounts(int Sent, int Failed, int Pending);
