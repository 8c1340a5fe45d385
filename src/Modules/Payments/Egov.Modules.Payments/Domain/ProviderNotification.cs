namespace Egov.Modules.Payments.Domain;

/// <summary>
/// A verified notification of a provider, kept once per provider and event id: a repeated delivery
/// (providers retry until they get a 2xx) finds its row and changes nothing.
/// </summary>
internal sealed class ProviderNotification
{
    private ProviderNotification()
    {
    }

    public string Provider { get; private set; } = "";

    /// <summary>The provider's event id (Stripe: <c>evt_…</c>).</summary>
    public string EventId { get; private set; } = "";

    /// <summary>The event type, e.g. <c>checkout.session.completed</c>.</summary>
    public string EventType { get; private set; } = "";

    public Guid? PaymentId { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public static ProviderNotification Received(string provider, string eventId, string eventType, Guid? paymentId, DateTimeOffset now) =>
        new() { Provider = provider, EventId = eventId, EventType = eventType, PaymentId = paymentId, ReceivedAt = now };
}
