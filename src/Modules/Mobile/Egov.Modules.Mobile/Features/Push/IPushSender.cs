using Egov.Modules.Mobile.Domain.Devices;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>Delivers one notification to one device through its platform's push service.</summary>
internal interface IPushSender
{
    DevicePlatform Platform { get; }

    /// <summary>Whether the platform is configured; registrations for an unconfigured platform are refused.</summary>
    bool IsConfigured { get; }

    /// <summary>One attempt; never throws for an answer of the push service (only for cancellation).</summary>
    Task<PushOutcome> SendAsync(PushTarget target, PushDelivery delivery, CancellationToken cancellationToken);
}
