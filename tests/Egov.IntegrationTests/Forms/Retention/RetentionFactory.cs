using Egov.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Egov.IntegrationTests.Forms.Retention;

/// <summary>
/// The host with its own retention round switched off: the tests run retention workers of their own
/// on a clock they set (FakeTimeProvider), two at once where they test the claim. Claims are small
/// so that two workers interleave.
/// </summary>
public sealed class RetentionFactory : EgovApplicationFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Egov:Retention:Enabled", "false");
        builder.UseSetting("Egov:Retention:BatchSize", "2");
    }
}
