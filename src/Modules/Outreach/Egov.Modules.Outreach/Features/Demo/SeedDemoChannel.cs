using System.Net;
using System.Security.Cryptography;
using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Features.Channels;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
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
/// A sink URL that is a path (<c>/_demo/webhook-sink</c>, the Development default) is this host's own: the channel
/// is made once the server listens, to its first HTTP address (a wildcard one as <c>127.0.0.1</c>), so a
/// development host on any port posts to itself.
/// </summary>
internal sealed partial class SeedDemoChannel(
    IServiceScopeFactory scopes, IOptions<DemoOutreachOptions> options, TimeProvider time, IHostApplicationLifetime lifetime, IServer server,
    ILogger<SeedDemoChannel> logger)
    : IHostedService, IDisposable
{
    /// <summary>The demo channel's name in the registry and on the staff pages.</summary>
    public const string ChannelName = "Demo-Webhook (lokale Senke)";

    private readonly CancellationTokenSource _stopping = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var sink = options.Value.WebhookSinkUrl!;
        if (sink.StartsWith('/'))
        {
            // The server's addresses are known only once it listens, after the hosted services started.
            lifetime.ApplicationStarted.Register(() => _ = SeedOwnSinkAsync(sink, _stopping.Token));
            return;
        }

        // The host starts its services side by side but runs each one's synchronous beginning in turn:
        // yielding first lets this seeding run beside the others and the web server (issue 17).
        await Task.Yield();
        await SeedAsync(sink, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await _stopping.CancelAsync();

    public void Dispose() => _stopping.Dispose();

    /// <summary>
    /// This host's own base address from the addresses the server listens on (<c>http://127.0.0.1:5080</c>,
    /// <c>http://[::]:5080</c>, <c>http://+:5080</c>, …): the first plain-HTTP one, else the first HTTPS one; a
    /// wildcard host becomes <c>127.0.0.1</c>. <see langword="null"/> when none is usable.
    /// </summary>
    internal static Uri? OwnBaseAddress(IEnumerable<string> addresses)
    {
        var candidates = new List<Uri>();
        foreach (var address in addresses)
        {
            // Kestrel's wildcard spellings are no host names; any loopback address reaches them.
            var normalised = address.Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal);
            if (!Uri.TryCreate(normalised, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                continue;
            }

            var wildcard = IPAddress.TryParse(uri.Host, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any));
            candidates.Add(new UriBuilder(uri) { Host = wildcard ? "127.0.0.1" : uri.Host, Path = "/" }.Uri);
        }

        return candidates.FirstOrDefault(u => u.Scheme == Uri.UriSchemeHttp) ?? candidates.FirstOrDefault();
    }

    private async Task SeedOwnSinkAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (OwnBaseAddress(addresses) is not { } own)
            {
                LogNotSeeded($"the sink {path} is this host's own, but the host listens on no HTTP address ({string.Join(", ", addresses)}).");
                return;
            }

            await SeedAsync(new Uri(own, path).AbsoluteUri, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host stopped before the seeding ended; the next start tries again.
        }
        catch (Exception e)
        {
            // Fire-and-forget after start: nothing else would see it.
            LogSeedingFailed(e);
        }
    }

    private async Task SeedAsync(string sinkUrl, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutreachDbContext>();
        if (await db.Channels.AnyAsync(cancellationToken))
        {
            return;
        }

        var demo = options.Value;
        var secret = string.IsNullOrEmpty(demo.WebhookSecret) ? RandomNumberGenerator.GetHexString(48, lowercase: true) : demo.WebhookSecret;
        var input = new ChannelInput(
            OutreachChannelKinds.Webhook, ChannelName, Enabled: true, CrisisCapable: true, "Pressestelle", sinkUrl, null,
            new Dictionary<string, string> { ["secret"] = secret },
            new DataProtectionInput(true, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime),
                "Demo: the receiver is the development host itself; no platform, no joint controllership."),
            RequiresImprintLink: false, nameof(Domain.Channels.CrossPostPolicy.AutoApprove));
        try
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateChannelCommand(input), cancellationToken);
            LogSeeded(sinkUrl);
        }
        catch (Exception e) when (e is RequestValidationException or ConflictException)
        {
            // A sink URL the registry refuses (plain http without AllowLoopbackHttp), or another instance was first.
            LogNotSeeded(e.Message);
        }
    }

    [LoggerMessage(LogLevel.Information, "Demo content seeded: webhook channel to {SinkUrl} (Egov:Demo).")]
    private partial void LogSeeded(string sinkUrl);

    [LoggerMessage(LogLevel.Warning, "Demo webhook channel not made: {Reason}")]
    private partial void LogNotSeeded(string reason);

    [LoggerMessage(LogLevel.Error, "Demo webhook channel not made: the seeding failed")]
    private partial void LogSeedingFailed(Exception exception);
}
