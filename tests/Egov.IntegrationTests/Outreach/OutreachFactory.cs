using Egov.IntegrationTests.Identity;
using Egov.Testing;
using Egov.Testing.Fakes;
using Microsoft.AspNetCore.Hosting;

namespace Egov.IntegrationTests.Outreach;

/// <summary>
/// The host with a fake Mastodon instance and a fake staff identity provider (for people holding
/// several roles, as in a small press office), and content rules for the checks.
/// </summary>
public sealed class OutreachFactory : EgovApplicationFactory
{
    public const string ImprintUrl = "https://www.musterstadt.example/impressum";

    public FakeMastodon Mastodon { get; } = new();

    public ExternalIssuerTests.FakeIssuer StaffIdp { get; } = new("/realms/staff");

    public override async ValueTask InitializeAsync()
    {
        await Mastodon.StartAsync();
        await StaffIdp.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Mastodon.DisposeAsync();
        await StaffIdp.DisposeAsync();
    }

    /// <summary>A client for a staff member of the fake provider holding <paramref name="roles"/>.</summary>
    public HttpClient CreateClientWithRoles(string subject, string name, params string[] roles) => StaffPeople.Client(this, StaffIdp, subject, name, roles);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Egov:Outreach:AllowLoopbackHttp", "true");
        builder.UseSetting("Egov:Outreach:Checks:ImprintUrl", ImprintUrl);
        builder.UseSetting("Egov:Outreach:Checks:BannedTerms:0", "Schwachsinn");
        builder.UseSetting("Egov:Outreach:Checks:PersonalDataDenyList:0", "Hausmeister Krause");
        StaffPeople.Trust(builder, StaffIdp);
    }
}
