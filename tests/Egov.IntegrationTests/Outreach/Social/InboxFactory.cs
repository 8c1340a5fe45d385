using Egov.IntegrationTests.Identity;
using Egov.IntegrationTests.Outreach.Delivery;
using Microsoft.AspNetCore.Hosting;

namespace Egov.IntegrationTests.Outreach.Social;

/// <summary>
/// The delivery host (fast engine, fake platforms) with a fake staff identity provider, for people holding both the
/// Editor and the Approver role (a small press office): the four-eyes rule must hold for them too. The background
/// inbox reader is off; the tests read with <c>InboxReader.RunOnceAsync</c>.
/// </summary>
public sealed class InboxFactory : DeliveryFactory
{
    public ExternalIssuerTests.FakeIssuer StaffIdp { get; } = new("/realms/staff");

    public override async ValueTask InitializeAsync()
    {
        await StaffIdp.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await StaffIdp.DisposeAsync();
    }

    /// <summary>A client for a staff member of the fake provider holding <paramref name="roles"/>.</summary>
    public HttpClient CreateClientWithRoles(string subject, string name, params string[] roles) => StaffPeople.Client(this, StaffIdp, subject, name, roles);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Egov:Outreach:Inbox:Enabled", "false");
        StaffPeople.Trust(builder, StaffIdp);
    }
}
