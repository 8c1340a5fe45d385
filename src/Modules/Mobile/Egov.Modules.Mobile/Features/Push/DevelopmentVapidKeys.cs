using System.Text.Json;
using Egov.Modules.Mobile.Engines.PushCrypto;
using Egov.SharedKernel.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>
/// Zero-setup Web Push in the Development environment: when no VAPID keys are configured, a key
/// pair is generated once and kept in <c>{Database:DataDirectory}/push-vapid-development.json</c>
/// below the content root (next to the SQLite files, not in git), so that subscriptions made by a
/// developer's browser survive restarts. Never in another environment: there the keys must be
/// configured, which <see cref="PushOptionsValidator"/> checks at startup.
/// </summary>
internal sealed partial class DevelopmentVapidKeys(IHostEnvironment environment, IOptions<DatabaseOptions> database, ILogger<DevelopmentVapidKeys> logger)
    : IPostConfigureOptions<PushOptions>
{
    public const string FileName = "push-vapid-development.json";

    public void PostConfigure(string? name, PushOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var vapid = options.Vapid;
        if (!environment.IsDevelopment() || !string.IsNullOrWhiteSpace(vapid.PublicKey) || !string.IsNullOrWhiteSpace(vapid.PrivateKey))
        {
            return;
        }

        var directory = Path.Combine(environment.ContentRootPath, database.Value.DataDirectory);
        var path = Path.Combine(directory, FileName);
        if (File.Exists(path) && JsonSerializer.Deserialize<StoredKeys>(File.ReadAllText(path)) is { } stored
            && VapidKeys.IsKeyPair(stored.PublicKey, stored.PrivateKey))
        {
            (vapid.PublicKey, vapid.PrivateKey) = (stored.PublicKey, stored.PrivateKey);
            return;
        }

        (vapid.PublicKey, vapid.PrivateKey) = VapidKeys.Generate();
        Directory.CreateDirectory(directory);
        File.WriteAllText(path, JsonSerializer.Serialize(new StoredKeys(vapid.PublicKey, vapid.PrivateKey)));
        LogGenerated(path, vapid.PublicKey);
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning,
        Message = "No VAPID keys configured (Egov:Push:Vapid): generated a development key pair and stored it in {Path}; public key {PublicKey}. Configure your own keys outside Development.")]
    private partial void LogGenerated(string path, string publicKey);

    private sealed record StoredKeys(string PublicKey, string PrivateKey);
}
