using Egov.Testing;
using Egov.Testing.Fakes;
using Microsoft.AspNetCore.Hosting;

namespace Egov.IntegrationTests.Handoff;

/// <summary>
/// The host with hand-off targets: push target <c>steueramt</c> (the dog tax form) and <c>gewerbe-push</c>
/// (trade registration, at a path that can be made to fail) at a <see cref="FakeCloudEventsReceiver"/>;
/// pull targets <c>parken</c> (resident parking, service account <c>egov-service</c>) and <c>gewerbe-pull</c>
/// (trade registration, another account). Retries are fast, three attempts at most, a push attempt times out after 3 s (<c>steueramt</c>; long enough that only the hung request of a test times out on a busy machine) or 1 s.
/// </summary>
public class HandoffFactory : EgovApplicationFactory
{
    public const string PushPath = "/steueramt/events";
    public const string FailingPath = "/gewerbe/events";

    public FakeCloudEventsReceiver Receiver { get; protected set; } = new();

    /// <summary>Whether this factory started the receiver and stops it (a second instance shares the first one's).</summary>
    protected virtual bool OwnsReceiver => true;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Receiver.StartAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (OwnsReceiver)
        {
            await Receiver.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        UseTargets(builder, Receiver);
    }

    /// <summary>The targets and fast retries of this factory, at <paramref name="receiver"/> (for other host factories too).</summary>
    public static void UseTargets(IWebHostBuilder builder, FakeCloudEventsReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(receiver);
        builder.UseSetting("Egov:Handoff:AllowInsecureTargets", "true");
        builder.UseSetting("Egov:Handoff:MaxAttempts", "3");
        builder.UseSetting("Egov:Handoff:InitialRetryDelay", "00:00:00.100");
        builder.UseSetting("Egov:Handoff:MaxRetryDelay", "00:00:00.500");
        builder.UseSetting("Egov:Handoff:PollInterval", "00:00:00.200");
        builder.UseSetting("Egov:Handoff:LeaseDuration", "00:00:10");
        Target(builder, "steueramt", "Push", "hundesteuer-anmeldung");
        builder.UseSetting("Egov:Handoff:Targets:steueramt:Url", new Uri(receiver.BaseAddress, PushPath.TrimStart('/')).ToString());
        builder.UseSetting("Egov:Handoff:Targets:steueramt:Secret", receiver.Secret);
        builder.UseSetting("Egov:Handoff:Targets:steueramt:Timeout", "00:00:03");
        Target(builder, "gewerbe-push", "Push", "gewerbeanmeldung-gewa1");
        builder.UseSetting("Egov:Handoff:Targets:gewerbe-push:Url", new Uri(receiver.BaseAddress, FailingPath.TrimStart('/')).ToString());
        builder.UseSetting("Egov:Handoff:Targets:gewerbe-push:Secret", receiver.Secret);
        builder.UseSetting("Egov:Handoff:Targets:gewerbe-push:Timeout", "00:00:01");
        Target(builder, "parken", "Pull", "bewohnerparkausweis");
        builder.UseSetting("Egov:Handoff:Targets:parken:ClientSubject", "egov-service");
        Target(builder, "gewerbe-pull", "Pull", "gewerbeanmeldung-gewa1");
        builder.UseSetting("Egov:Handoff:Targets:gewerbe-pull:ClientSubject", "gewerbe-fachverfahren");
        builder.UseSetting("Egov:Handoff:Xdomea:FilePlan:hundesteuer-anmeldung", "022.31");
        builder.UseSetting("Egov:Handoff:Xdomea:FilePlan:bewohnerparkausweis", "32.10.05");
    }

    private static void Target(IWebHostBuilder builder, string key, string kind, string form)
    {
        builder.UseSetting($"Egov:Handoff:Targets:{key}:Kind", kind);
        builder.UseSetting($"Egov:Handoff:Targets:{key}:Forms:0:Key", form);
    }
}
