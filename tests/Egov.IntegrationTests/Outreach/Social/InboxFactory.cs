using Egov.IntegrationTests.Identity;
using Egov.IntegrationTests.Outreach.Delivery;
using Egov.Modules.Outreach.Features.Inbox;
using Egov.Modules.Outreach.Persistence;
using Egov.Testing.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;

namespace Egov.IntegrationTests.Outreach.Social;

/// <summary>
/// The delivery host (fast engine, fake platforms) with a fake staff identity provider, for people holding both the
/// Editor and the Approver role (a small press office): the four-eyes rule must hold for them too. The background
/// inbox reader is off; the tests read with <c>InboxReader.RunOnceAsync</c>. Facebook and Instagram go to a fake Graph API
/// (comments are hidden there).
/// </summary>
public sealed class InboxFactory : DeliveryFactory
{
    public ExternalIssuerTests.FakeIssuer StaffIdp { get; } = new("/realms/staff");

    public FakeMeta Meta { get; } = new();

    public override async ValueTask InitializeAsync()
    {
        await Task.WhenAll(StaffIdp.StartAsync(), Meta.StartAsync());
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await StaffIdp.DisposeAsync();
        await Meta.DisposeAsync();
    }

    /// <summary>Reads <paramref name="channel"/>'s inbox now: its cursor is made due (the reader may have read it moments ago), then one round runs.</summary>
    public async Task ReadInboxAsync(Guid channel, CancellationToken cancellationToken)
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutreachDbContext>().Database.ExecuteSqlAsync(
                $"UPDATE outreach.inbox_cursors SET due_at = now() - interval '1 minute', locked_until = NULL, lock_owner = NULL WHERE id = {channel}", cancellationToken);
        }

        await Services.GetRequiredService<InboxReader>().RunOnceAsync(cancellationToken);
    }

    /// <summary>A client for a staff member of the fake provider holding <paramref name="roles"/>.</summary>
    public HttpClient CreateClientWithRoles(string subject, string name, params string[] roles) => StaffPeople.Client(this, StaffIdp, subject, name, roles);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Egov:Outreach:Inbox:Enabled", "false");
        foreach (var kind in (string[])["facebook", "instagram"])
        {
            builder.UseSetting($"Egov:Outreach:Platforms:{kind}:ApiBaseAddress", Meta.BaseAddress.ToString());
        }

        StaffPeople.Trust(builder, StaffIdp);
    }
}
