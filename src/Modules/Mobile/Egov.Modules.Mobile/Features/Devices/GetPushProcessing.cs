using Egov.Modules.Mobile.Contracts;
using Egov.SharedKernel.DataProtection;
using Mediator;

namespace Egov.Modules.Mobile.Features.Devices;

/// <summary>Push messages as the record of processing (Art. 30 (1) GDPR) lists them.</summary>
internal sealed class GetPushProcessingHandler : IQueryHandler<GetPushProcessingQuery, ProcessingActivity>
{
    private static readonly ProcessingActivity Push = new(
        "Push-Nachrichten an App und Webseiten",
        "Warnungen, Meldungen und Statusänderungen eigener Anträge an registrierte Geräte",
        "Art. 6 Abs. 1 lit. a DSGVO (Einwilligung durch Registrierung), Art. 6 Abs. 1 lit. e DSGVO für Warnungen",
        "Nutzerinnen und Nutzer der App und der Webseiten mit Push",
        "Geräteadresse (Push-Endpunkt), gewählte Themen, bei angemeldeten Geräten die Kennung des Kontos",
        "Push-Dienste der Plattformen (Web Push, Firebase Cloud Messaging, Apple Push Notification service)",
        "Bis zur Abmeldung; Registrierungen, die der Push-Dienst als ungültig meldet, sofort, Registrierungen ohne Lebenszeichen nach der konfigurierten Frist");

    public ValueTask<ProcessingActivity> Handle(GetPushProcessingQuery query, CancellationToken cancellationToken) => ValueTask.FromResult(Push);
}
