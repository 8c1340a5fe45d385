using Egov.Modules.Mobile.Contracts;
using Egov.SharedKernel.DataProtection;
using Mediator;

namespace Egov.Modules.Mobile.Features.Devices;

/// <summary>Mobile's section of the privacy notice (Art. 13 GDPR): push messages of the city app.</summary>
internal sealed class GetPushPrivacyNoticeHandler : IQueryHandler<GetPushPrivacyNoticeQuery, PrivacyNoticeSection>
{
    private static readonly PrivacyNoticeSection Section = new(
        null,
        new("Push-Nachrichten der Stadt-App", "Push messages of the city app"),
        new(
            "Wer in der App Warnungen oder Meldungen abonniert, gibt der Stadt eine Geräteadresse des Push-Dienstes (Web Push, Google Firebase Cloud Messaging oder Apple Push Notification Service) und die gewählten Themen. Rechtsgrundlage ist Ihre Einwilligung (Art. 6 Abs. 1 lit. a DSGVO), die Sie jederzeit durch Abbestellen in der App widerrufen. Empfänger ist der jeweilige Push-Dienst; die Geräteadresse wird gelöscht, sobald Sie abbestellen oder der Dienst sie als ungültig meldet.",
            "Whoever subscribes to alerts or news in the app gives the city a device address of the push service (Web Push, Google Firebase Cloud Messaging or Apple Push Notification service) and the chosen topics. The legal basis is your consent (Art. 6 (1) a GDPR), which you withdraw at any time by unsubscribing in the app. The recipient is the push service; the device address is deleted as soon as you unsubscribe or the service reports it invalid."));

    public ValueTask<PrivacyNoticeSection> Handle(GetPushPrivacyNoticeQuery query, CancellationToken cancellationToken) => ValueTask.FromResult(Section);
}
