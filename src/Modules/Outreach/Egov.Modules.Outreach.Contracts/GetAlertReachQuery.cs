using Mediator;

namespace Egov.Modules.Outreach.Contracts;

/// <summary>
/// Cross-module query: how far an alert has gone out so far — per crisis channel the deliveries of
/// the alert's crisis posts (issue, updates and all-clear that name this alert), and the app pushes
/// of the alert's push jobs. Cheap enough to poll every few seconds while the fan-out runs (the
/// staff alert page shows it live). An alert Outreach has not seen (yet) gives no channels and
/// all-zero push counts, never an error.
/// </summary>
/// <param name="AlertId">The alert's id, as in <c>AlertIssuedIntegrationEvent.AlertId</c> of Announcements.</param>
public sealed record GetAlertReachQuery(Guid AlertId) : IQuery<AlertReach>;

/// <summary>An alert's reach at the moment of the query.</summary>
/// <param name="AlertId">The alert asked for.</param>
/// <param name="Channels">One entry per channel the alert's crisis posts went to, ordered by channel name.</param>
/// <param name="Push">App push (Web Push, FCM, APNs) over all the alert's push jobs.</param>
/// <param name="AsOf">When the counts were read (UTC).</param>
public sealed record AlertReach(Guid AlertId, IReadOnlyList<AlertChannelReach> Channels, AlertPushReach Push, DateTimeOffset AsOf);

/// <summary>Deliveries of the alert's crisis posts to one channel.</summary>
/// <param name="ChannelName">The channel's display name.</param>
/// <param name="ChannelKind">One of <see cref="OutreachChannelKinds"/>.</param>
/// <param name="Sent">Deliveries the platform accepted (or a person confirmed as published).</param>
/// <param name="Failed">Deliveries given up: refused, out of attempts, uncertain (may be out; a person checks) or cancelled.</param>
/// <param name="Pending">Deliveries still to go: waiting, being sent, or waiting for a retry.</param>
public sealed record AlertChannelReach(string ChannelName, string ChannelKind, int Sent, int Failed, int Pending);

/// <summary>App pushes of the alert (devices, one push each).</summary>
/// <param name="Sent">Pushes the push services accepted.</param>
/// <param name="Failed">Pushes given up, including registrations the push service called gone (then removed).</param>
/// <param name="Pending">
/// Devices of the alert's audience (severity threshold and area) not pushed to yet; 0 once every
/// push job of the alert is done.
/// </param>
public sealed record AlertPushReach(int Sent, int Failed, int Pending);
