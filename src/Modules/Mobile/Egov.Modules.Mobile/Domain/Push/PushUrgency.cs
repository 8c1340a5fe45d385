namespace Egov.Modules.Mobile.Domain.Push;

/// <summary>The Web Push <c>Urgency</c> header (RFC 8030 §5.3); FCM and APNs map it to their priorities.</summary>
internal enum PushUrgency
{
    VeryLow,
    Low,
    Normal,
    High,
}
