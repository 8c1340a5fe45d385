using Egov.Modules.Payments.Features.Payments;
using Egov.Modules.Payments.Features.Providers;
using Egov.Modules.Payments.Features.Refunds;
using Egov.Modules.Payments.Persistence;
using Egov.SharedKernel.Hosting;
using Egov.SharedKernel.Persistence;
using Egov.SharedKernel.Security;
using Egov.SharedKernel.Web;
using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.Modules.Payments;

/// <summary>
/// Entry point of the Payments module: fees of applications paid online at a provider's hosted page
/// (Stripe Checkout, ADR 0025), signed notifications, refunds with four eyes and the treasury's
/// daily reconciliation report.
/// </summary>
public static class PaymentsModule
{
    /// <summary>
    /// Registers the module's database (schema <c>payments</c>; on SQLite the file <c>egov-payments.db</c>),
    /// validators, the provider and the sweep of expired pages. Settings: section <c>Egov:Payments</c> (docs/modules/payments.md);
    /// without a Stripe secret key and webhook secret starting a payment answers 422 and stores nothing.
    /// </summary>
    public static IServiceCollection AddPaymentsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<PaymentsDbContext>(configuration, PaymentsDbContext.SchemaName);
        services.AddValidatorsFromAssembly(typeof(PaymentsModule).Assembly, includeInternalTypes: true);
        services.AddOptions<PaymentsOptions>().Bind(configuration.GetSection(PaymentsOptions.SectionName))
            .Validate(o => o.RefundApprovalAboveCents >= 0, "Egov:Payments:RefundApprovalAboveCents must not be negative.")
            .Validate(o => o.SweepInterval >= TimeSpan.FromSeconds(10), "Egov:Payments:SweepInterval must be at least 10 seconds.")
            .ValidateOnStart();
        services.AddOptions<PublicSiteOptions>().Bind(configuration.GetSection(PublicSiteOptions.SectionName));
        services.AddHttpClient(StripeCheckoutProvider.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddScoped<IPaymentProvider, StripeCheckoutProvider>();
        services.AddScoped<PaymentSettlement>();
        services.AddScoped<RefundExecution>();
        services.AddSingleton<ExpiredCheckoutSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<ExpiredCheckoutSweep>());

        // The roles of the page's policy HandleCases: the treasury report is read by caseworkers (the finance department's among them).
        services.AddStaffArea(new StaffArea(
            "/staff/kasse", 400, "Tagesabschluss der Online-Zahlungen (Stadtkasse)", "Daily reconciliation of online payments (treasury)",
            null, null, [EgovRoles.Caseworker, EgovRoles.Administrator]));
        return services;
    }

    /// <summary>Maps the module's endpoints under <c>/api/v1/applications/{id}/payments</c> and <c>/api/v1/payments</c>.</summary>
    public static IEndpointRouteBuilder MapPaymentsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPaymentEndpoints();
        return app;
    }
}
