using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Engines.TextRules;
using Egov.Modules.Outreach.Features;
using Egov.Modules.Outreach.Features.ChannelExit;
using Egov.Modules.Outreach.Features.ChannelReview;
using Egov.Modules.Outreach.Features.Channels;
using Egov.Modules.Outreach.Features.Channels.Kinds;
using Egov.Modules.Outreach.Features.Deliveries;
using Egov.Modules.Outreach.Features.Demo;
using Egov.Modules.Outreach.Features.Guidelines;
using Egov.Modules.Outreach.Features.Inbox;
using Egov.Modules.Outreach.Features.OfficialChannels;
using Egov.Modules.Outreach.Features.Posts;
using Egov.Modules.Outreach.Features.Queues;
using Egov.Modules.Outreach.Features.Retention;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Persistence;
using Egov.SharedKernel.Reads;
using Egov.SharedKernel.Scanning;
using Egov.SharedKernel.Security;
using Egov.SharedKernel.Web;
using Egov.Typesetting;
using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach;

/// <summary>
/// Entry point of the Outreach module: outbound channels, posts with per-channel variants, the
/// guideline-enforcing approval workflow and delivery (app push through the Mobile module).
/// </summary>
public static class OutreachModule
{
    /// <summary>
    /// Registers the module's database (schema <c>outreach</c>), validators, the channel registry,
    /// guidelines (a template is published as version 1 on first start) and the post workflow with
    /// its checks. Settings: section <c>Egov:Outreach</c>, validated at startup.
    /// </summary>
    public static IServiceCollection AddOutreachModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStaffArea(new StaffArea("/staff/outreach", 300, "Beiträge für soziale Medien", "Social media posts", "Soziale Medien", "Social media", [EgovRoles.Editor, EgovRoles.Approver, EgovRoles.CrisisManager]));
        services.AddStaffArea(new StaffArea("/staff/outreach/inbox", 305, "Posteingang: Antworten und Kommentare beantworten", "Inbox: answer replies and comments", null, null, [EgovRoles.Editor, EgovRoles.Approver, EgovRoles.CrisisManager]));
        services.AddStaffArea(new StaffArea("/staff/outreach/approvals", 310, "Freigaben", "Approvals", null, null, [EgovRoles.Approver]));
        services.AddStaffArea(new StaffArea("/staff/outreach/channels", 320, "Kanäle verwalten", "Manage channels", null, null, [EgovRoles.Administrator]));
        services.AddStaffArea(new StaffArea("/staff/outreach/review", 325, "Kanalbericht für den Rat", "Channel review for the council", null, null, [EgovRoles.Editor, EgovRoles.Approver, EgovRoles.Administrator]));
        services.AddStaffArea(new StaffArea("/staff/outreach/guidelines", 330, "Social-Media-Leitlinien", "Social media guidelines", null, null, []));
        services.AddModuleDbContext<OutreachDbContext>(configuration, OutreachDbContext.SchemaName);
        services.AddPublicReadSource<Domain.Channels.Channel>(OfficialChannelReadRegion.Name);
        services.AddValidatorsFromAssembly(typeof(OutreachModule).Assembly, includeInternalTypes: true);
        services.AddOptions<OutreachOptions>().Bind(configuration.GetSection(OutreachOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddDataProtection();
        services.AddSingleton<ChannelCredentialProtector>();
        services.AddScoped<ChannelLimitsProvider>();
        services.AddScoped<ChannelWrites>();
        services.AddScoped<GuidelineGate>();
        services.AddOptions<CheckPolicy>().Bind(configuration.GetSection(CheckPolicy.SectionName))
            .Validate(policy => policy.ImprintUrl is null || (Uri.TryCreate(policy.ImprintUrl, UriKind.Absolute, out var imprint) && imprint.Scheme == Uri.UriSchemeHttps),
                $"{CheckPolicy.SectionName}:ImprintUrl must be an absolute https:// URL.")
            .Validate(CanBuildChecker, $"{CheckPolicy.SectionName}:PersonalDataAllowList may only hold e-mail addresses, IBANs and phone numbers (the city's own).")
            .ValidateOnStart();
        services.AddSingleton(sp => new PostChecker(sp.GetRequiredService<IOptions<CheckPolicy>>().Value));
        services.AddScoped<PostCheckService>();
        services.AddScoped<PostStore>();
        services.AddMalwareScanning(configuration);
        services.AddSingleton<PostMediaScanner>();
        services.AddScoped<DeliveryStore>();
        services.AddSingleton<TextFitter>();
        services.TryAddSingleton<ReceiptRenderer>();
        services.AddSingleton<ChannelReviewDocument>();
        services.AddHostedService<GuidelineSeeder>();
        var demo = configuration.GetSection(DemoOutreachOptions.SectionName).Get<DemoOutreachOptions>();
        if (demo is { Enabled: true })
        {
            services.AddOptions<DemoOutreachOptions>().Bind(configuration.GetSection(DemoOutreachOptions.SectionName));
            services.AddSingleton<DemoWebhookSink>();
            if (!string.IsNullOrEmpty(demo.WebhookSinkUrl))
            {
                services.AddHostedService<SeedDemoChannel>();
            }
        }

        services.AddChannelKinds(configuration);
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DeliveryMetrics>();
        services.AddSingleton<DeliveryEngine>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryEngine>());
        services.AddSingleton<EngagementReader>();
        services.AddHostedService(sp => sp.GetRequiredService<EngagementReader>());
        services.AddOptions<InboxOptions>().Bind(configuration.GetSection(InboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InboxReader>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxReader>());
        services.AddSingleton<InboxRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxRetention>());
        services.AddOptions<OutreachRetentionOptions>().Bind(configuration.GetSection(OutreachRetentionOptions.Section)).ValidateDataAnnotations()
            .Validate<IOptions<InboxOptions>>((retention, inbox) => retention.DeliveryLogDays > inbox.Value.CommentWindow.TotalDays,
                $"{OutreachRetentionOptions.Section}:DeliveryLogDays must exceed {InboxOptions.Section}:CommentWindow: comments are read under the sent deliveries of that window.")
            .ValidateOnStart();
        services.AddSingleton<DeliveryLogRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryLogRetention>());
        services.AddOptions<QueueOptions>().Bind(configuration.GetSection(QueueOptions.Section));
        services.AddSingleton<OutreachQueues>();
        services.AddHostedService(sp => sp.GetRequiredService<OutreachQueues>());
        services.AddHealthChecks().AddCheck<OutreachQueuesHealthCheck>(OutreachQueuesHealthCheck.Name, tags: ["ready"]);
        return services;
    }

    private static bool CanBuildChecker(CheckPolicy policy)
    {
        try
        {
            _ = new PostChecker(policy);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Maps the module's endpoints: channels, guidelines, posts, deliveries and the inbox under <c>/api/v1/outreach</c>, and the official-channel register.</summary>
    public static IEndpointRouteBuilder MapOutreachEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapChannelEndpoints();
        app.MapGuidelineEndpoints();
        app.MapPostEndpoints();
        app.MapDeliveryEndpoints();
        app.MapInboxEndpoints();
        app.MapChannelExitEndpoints();
        app.MapChannelReviewEndpoints();
        app.MapOfficialChannelEndpoints();
        if (app.ServiceProvider.GetService<DemoWebhookSink>() is not null)
        {
            DemoWebhookSink.Map(app);
        }

        return app;
    }
}
