using Egov.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Egov.IntegrationTests.Mobile.Push;

/// <summary>
/// The host with a short push request timeout (a dead endpoint answers nothing; the tests wait for
/// its timeout) and queue gauges read every second.
/// </summary>
public class CrisisPushFactory : EgovApplicationFactory
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromMilliseconds(500);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Egov:Push:RequestTimeout", RequestTimeout.ToString());
        builder.UseSetting("Egov:Outreach:Queues:MetricsInterval", "00:00:01");
    }
}

/// <summary>A second host on the same database as <paramref name="first"/> (another instance behind the load balancer).</summary>
public sealed class SecondPushHost(CrisisPushFactory first) : CrisisPushFactory
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        ConnectionString = first.ConnectionString;
    }
}
