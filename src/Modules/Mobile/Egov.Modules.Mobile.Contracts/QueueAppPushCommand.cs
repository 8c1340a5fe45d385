using Mediator;

namespace Egov.Modules.Mobile.Contracts;

/// <summary>
/// Cross-module request (Outreach's app-push channel): push a post to the city's app — to every
/// device that follows announcements (subscribed to at least one category). Mobile queues a push job
/// and its fan-out sends it like every other push; the answer means "queued", not "delivered".
/// Idempotent per <paramref name="DeliveryId"/>: a repeated request (a retried delivery) answers with
/// the job queued first and pushes nothing again. Alerts do not come this way: Mobile pushes them
/// itself from Announcements' alert events.
/// </summary>
/// <param name="DeliveryId">The sender's id of this delivery; the key of the idempotency.</param>
/// <param name="Text">The post's text for the app: its first line is the notification's title, its second line (if any) the body; both are cut to the push limits.</param>
/// <param name="Link">Absolute URL the notification opens; null or not absolute opens the city's portal.</param>
/// <param name="Crisis">Whether the post belongs to a crisis: pushed at high urgency instead of low.</param>
public sealed record QueueAppPushCommand(Guid DeliveryId, string Text, string? Link, bool Crisis) : ICommand<QueuedAppPush>;

/// <summary>The push job that carries an app push.</summary>
/// <param name="PushJobId">Id of the push job (the same for every repetition of one delivery).</param>
public sealed record QueuedAppPush(Guid PushJobId);
