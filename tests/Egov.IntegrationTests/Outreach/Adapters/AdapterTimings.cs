using Microsoft.AspNetCore.Hosting;

namespace Egov.IntegrationTests.Outreach.Adapters;

/// <summary>Short HTTP timings for adapter tests: a fake that answers after <c>attemptTimeout</c> has timed out; retries come fast.</summary>
internal static class AdapterTimings
{
    public static void Apply(IWebHostBuilder builder, TimeSpan attemptTimeout)
    {
        builder.UseSetting("Egov:Outreach:AllowLoopbackHttp", "true");
        builder.UseSetting("Egov:Outreach:Delivery:Http:AttemptTimeout", attemptTimeout.ToString());
        builder.UseSetting("Egov:Outreach:Delivery:Http:TotalTimeout", "00:00:20");
        builder.UseSetting("Egov:Outreach:Delivery:Http:MaxRetryAttempts", "2");
        builder.UseSetting("Egov:Outreach:Delivery:Http:BaseDelay", "00:00:00.050");
        builder.UseSetting("Egov:Outreach:Delivery:Http:MediaPollInterval", "00:00:00.050");
    }
}
