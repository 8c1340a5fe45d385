using Egov.Modules.Forms.Contracts;
using Egov.Typesetting;
using Egov.Modules.Forms.Features.AccessibilityFeedback;
using Egov.Modules.Forms.Features.Applications;
using Egov.Modules.Forms.Features.Cases;
using Egov.Modules.Forms.Features.Catalog;
using Egov.Modules.Forms.Features.Decisions;
using Egov.Modules.Forms.Features.Notifications;
using Egov.Modules.Forms.Features.Payments;
using Egov.Modules.Forms.Features.Receipts;
using Egov.Modules.Forms.Features.Retention;
using Egov.Modules.Forms.Features.Scanning;
using Egov.Modules.Forms.Persistence;
using Egov.Modules.Forms.Seed;
using Egov.SharedKernel.Hosting;
using Egov.SharedKernel.Persistence;
using Egov.SharedKernel.Reads;
using Egov.SharedKernel.Scanning;
using Egov.SharedKernel.Security;
using Egov.SharedKernel.Web;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Forms;

/// <summary>
/// Entry point of the Forms module: the form catalog, online applications, attachments, PDF
/// receipts and staff case handling.
/// </summary>
public static class FormsModule
{
    /// <summary>
    /// Registers the module's database (schema <c>forms</c>), outbox dispatcher, validators and the seeding of the
    /// built-in forms. The receipts' issuing authority comes from <c>Egov:Receipts:Authority</c>, else from the
    /// <see cref="ReceiptAuthorityDefaults"/> the host configures, else the example city's.
    /// </summary>
    public static IServiceCollection AddFormsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStaffArea(new StaffArea("/staff/cases", 100, "Vorgänge bearbeiten", "Handle cases", "Vorgänge", "Cases", [EgovRoles.Caseworker, EgovRoles.Administrator]));
        services.AddStaffArea(new StaffArea("/staff/barrierefreiheit", 150, "Gemeldete Barrieren beantworten", "Answer reported barriers", null, null, [EgovRoles.Administrator]));
        services.AddOptions<AccessibilityFeedbackOptions>().Bind(configuration.GetSection(AccessibilityFeedbackOptions.SectionName))
            .Validate(o => o.ReportsPerMinute >= 1, "Egov:AccessibilityFeedback:ReportsPerMinute must be at least 1.")
            .ValidateOnStart();
        services.AddAccessibilityFeedbackRateLimit();
        services.AddModuleDbContext<FormsDbContext>(configuration, FormsDbContext.SchemaName);

        // Queries compare rows with the signed-in applicant's Subject; EF Core reads it by reflection.
        ReflectionCaches.KeepAlive(typeof(Domain.Applicant));
        services.AddPublicReadSource<Domain.FormDefinition>(FormReadRegion.Name);
        services.AddPublicReadSource<Domain.FormVersion>(FormReadRegion.Name);
        services.AddPublicReadSource<Domain.Receipt>(ReceiptEndpoints.ReceiptReadRegion);
        services.AddPublicReadSource<Domain.PaymentConfirmation>(ReceiptEndpoints.ReceiptReadRegion);
        services.AddValidatorsFromAssembly(typeof(FormsModule).Assembly, includeInternalTypes: true);
        services.AddHostedService<FormSeeder>();
        services.AddOptions<ReferenceNumberOptions>().Bind(configuration.GetSection(ReferenceNumberOptions.SectionName));
        services.AddScoped<ReferenceNumbers>();
        services.AddSingleton<StaffDirectory>();
        services.AddOptions<PublicSiteOptions>().Bind(configuration.GetSection(PublicSiteOptions.SectionName))
            .Validate(o => o.PublicBaseAddress is { IsAbsoluteUri: true, Scheme: "http" or "https" }, "Egov:PublicBaseAddress must be an absolute http(s) address, e.g. https://service.musterstadt.de/.")
            .ValidateOnStart();
        services.AddStatusMail(configuration);
        services.AddOptions<ReceiptOptions>().Bind(configuration.GetSection(ReceiptOptions.SectionName))
            .Validate(o => o.VerificationsPerMinute >= 1, "Egov:Receipts:VerificationsPerMinute must be at least 1.")
            .Validate(o => o.RenderWorkers is >= 0 and <= 64, "Egov:Receipts:RenderWorkers must be 0 (the processor count) to 64.")
            .Validate(o => o.RenderSweepInterval >= TimeSpan.FromSeconds(1), "Egov:Receipts:RenderSweepInterval must be at least one second.")
            .ValidateOnStart();
        services.AddOptions<ReceiptOptions>().PostConfigure<IOptions<ReceiptAuthorityDefaults>>((receipts, defaults) =>
            ApplyAuthorityDefaults(receipts.Authority, defaults.Value, configuration.GetSection(ReceiptOptions.SectionName).GetSection(nameof(ReceiptOptions.Authority))));
        services.AddSingleton<ReceiptRenderer>();
        services.AddOptions<DecisionNoticeOptions>().Bind(configuration.GetSection(DecisionNoticeOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.LegalRemedy), "Egov:DecisionNotices:LegalRemedy must not be empty: every notice prints it.")
            .ValidateOnStart();
        services.AddSingleton<DecisionNoticeComposer>();
        services.AddScoped<ReceiptIssuer>();
        services.AddScoped<ReceiptPdfs>();
        services.AddScoped<PaymentConfirmationIssuer>();
        services.AddSingleton<ReceiptRenderQueue>();
        services.AddSingleton<PublishedFormVersions>();
        services.AddSingleton<ReceiptRenderWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ReceiptRenderWorker>());
        services.AddReceiptRateLimit();
        services.AddMalwareScanning(configuration);
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName))
            .Validate(o => o.AbandonedDraftDays is >= 1 and <= 3650, "Egov:Retention:AbandonedDraftDays must be 1 to 3650.")
            .Validate(o => o.BatchSize is >= 1 and <= 1000 && o.PollInterval >= TimeSpan.FromSeconds(1) && o.LeaseDuration >= TimeSpan.FromSeconds(10),
                "Egov:Retention: BatchSize 1 to 1000, PollInterval at least one second, LeaseDuration at least ten seconds.")
            .ValidateOnStart();
        services.AddSingleton<RetentionWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionWorker>());
        services.AddSingleton<UploadScanner>();
        services.AddSingleton<PendingScanWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<PendingScanWorker>());
        return services;
    }

    // What Egov:Receipts:Authority configures wins; the host's defaults (the city) fill the rest. A name
    // is "configured" when its key exists, the lists when they have lines (an empty list cannot be told
    // from a missing one in configuration).
    private static void ApplyAuthorityDefaults(ReceiptOptions.AuthoritySettings authority, ReceiptAuthorityDefaults defaults, IConfigurationSection configured)
    {
        if (defaults.Name is { } name && configured[nameof(ReceiptOptions.AuthoritySettings.Name)] is null)
        {
            authority.Name = name;
        }

        if (authority.AddressLines.Count == 0)
        {
            authority.AddressLines = [.. defaults.AddressLines];
        }

        if (authority.ContactLines.Count == 0)
        {
            authority.ContactLines = [.. defaults.ContactLines];
        }
    }

    /// <summary>Maps the module's endpoints: the form catalog and its administration under <c>/api/v1/forms</c>.</summary>
    public static IEndpointRouteBuilder MapFormsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/forms").WithTags("Forms").MapFormEndpoints();
        app.MapApplicationEndpoints();
        app.MapCaseEndpoints();
        app.MapDecisionEndpoints();
        app.MapPaymentConfirmationEndpoints();
        app.MapReceiptEndpoints();
        app.MapAccessibilityFeedbackEndpoints();
        app.MapRetentionEndpoints();
        return app;
    }
}
