using Egov.Testing;
using Egov.Testing.Fakes;
using Microsoft.AspNetCore.Hosting;

namespace Egov.IntegrationTests.Payments;

/// <summary>The host with online payment through a fake Stripe on 127.0.0.1; refunds above 10,00 EUR need a second person.</summary>
public class PaymentsFactory : EgovApplicationFactory
{
    public FakeStripe Stripe { get; } = new();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Stripe.StartAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Egov:Payments:Stripe:ApiBase", Stripe.BaseAddress.ToString());
        builder.UseSetting("Egov:Payments:Stripe:SecretKey", Stripe.SecretKey);
        builder.UseSetting("Egov:Payments:Stripe:WebhookSecret", Stripe.WebhookSecret);
        builder.UseSetting("Egov:Payments:RefundApprovalAboveCents", "1000");
    }
}

/// <summary>A second host instance on the same database and the same fake Stripe as <paramref name="first"/> (another instance behind the load balancer).</summary>
public sealed class SecondPaymentsHost(PaymentsFactory first) : EgovApplicationFactory
{
    public override ValueTask InitializeAsync()
    {
        ConnectionString = first.ConnectionString;
        return ValueTask.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Egov:Payments:Stripe:ApiBase", first.Stripe.BaseAddress.ToString());
        builder.UseSetting("Egov:Payments:Stripe:SecretKey", first.Stripe.SecretKey);
        builder.UseSetting("Egov:Payments:Stripe:WebhookSecret", first.Stripe.WebhookSecret);
    }
}
