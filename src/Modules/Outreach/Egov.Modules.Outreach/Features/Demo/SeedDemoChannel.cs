using System.Security.Cryptography;
using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Features.Channels;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Demo;

/// <summary>
/// Registers one webhook channel to the development host's own sink when no channel exists yet: enabled,
/// crisis-capable, data-protection assessment recorded (the receiver is this machine), published news shared
/// there without review. Made through <see cref="CreateChannelCommand"/>, so the registry's rules apply as for an
/// administrator. Registered only when <see cref="DemoOutreachOptions.Enabled"/> and a sink URL is configured.
/// </summary>
internal sealed partial class SeedDemoChannel(IServiceScopeFactory scopes, IOptions<DemoOutreachOptions> options, TimeProvider time, ILogger<SeedDemoChannel> logger)
    : IHostedService
{
    /// <summary>The demo channel's name in the registry and on the staff pages.</summary>
    public const string ChannelName = "Demo-Webhook (lokale Senke)";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The host starts its services side by side but runs each one's synchronous beginning in turn:
        // yielding first lets this seeding run beside the others and the web server (issue 17).
        await Task.Yield();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutreachDbContext>();
        if (await db.Channels.AnyAsync(cancellationToken))
        {
            return;
        }

        var demo = options.Value;
        var secret = string.IsNullOrEmpty(demo.WebhookSecret) ? RandomNumberGenerator.GetHexString(48, lowercase: true) : demo.WebhookSecret;
        var input = new ChannelInput(
            OutreachChannelKinds.Webhook, ChannelName, Enabled: true, CrisisCapable: true, "Pressestelle", demo.WebhookSinkUrl, null,
            new Dictionary<string, string> { ["secret"] = secret },
            new DataProtectionInput(true, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime),
                "Demo: the receiver is the development host itself; no platform, no joint controllership."),
            RequiresImprintLink: false, nameof(Domain.Channels.CrossPostPolicy.AutoApprove));
        try
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateChannelCommand(input), cancellationToken);
            LogSeeded(demo.WebhookSinkUrl!);
        }
        catch (Exception e) when (e is RequestValidationException or ConflictException)
        {
            // A sink URL the registry refuses (plain http without AllowLoopbackHttp), or another instance was first.
            LogNotSeeded(e.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Demo content seeded: webhook channel to {SinkUrl} (Egov:Demo).")]
    private partial void LogSeeded(string sinkUrl);

    [LoggerMessage(LogLevel.Warning, "Demo webhook channel not made: {Reason}")]
    private partial void LogNotSeeded(string reason);
}
