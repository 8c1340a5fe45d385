using Egov.Modules.Mobile.Engines.PushCrypto;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>
/// Checks <see cref="PushOptions"/> when the host starts (<c>ValidateOnStart</c>): a host with
/// missing or broken push settings refuses to start, naming the keys, instead of failing at the
/// first alert.
/// </summary>
internal sealed class PushOptionsValidator(IHostEnvironment environment) : IValidateOptions<PushOptions>
{
    public ValidateOptionsResult Validate(string? name, PushOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Check(bool ok, string key, string message)
        {
            if (!ok)
            {
                failures.Add($"{PushOptions.SectionName}:{key}: {message}");
            }
        }

        var vapid = options.Vapid;
        Check(string.IsNullOrWhiteSpace(vapid.PublicKey) == string.IsNullOrWhiteSpace(vapid.PrivateKey), "Vapid",
            "Set both PublicKey and PrivateKey, or neither (Web Push off).");
        if (vapid.IsConfigured)
        {
            Check(VapidKeys.IsPublicKey(vapid.PublicKey), "Vapid:PublicKey", "Must be a P-256 public key, uncompressed (65 bytes), base64url.");
            Check(VapidKeys.IsKeyPair(vapid.PublicKey, vapid.PrivateKey), "Vapid:PrivateKey", "Must be the 32-byte P-256 private key (base64url) of Vapid:PublicKey.");
        }

        Check(vapid.Subject is null || (Uri.TryCreate(vapid.Subject, UriKind.Absolute, out var subject) && subject.Scheme is "mailto" or "https"),
            "Vapid:Subject", "Must be a mailto: or https: URI where the push service can reach the operator (RFC 8292 §2.1).");
        Check(!(options.WebPush.AllowInsecureEndpoints && environment.IsProduction()), "WebPush:AllowInsecureEndpoints",
            "Must be false in Production: it lets anyone make this host send requests to any address.");
        Check(options.WebPush.AllowedHosts.All(h => Uri.CheckHostName(h) == UriHostNameType.Dns), "WebPush:AllowedHosts", "Must be host names such as fcm.googleapis.com.");
        Check(options.DeepLinkBase is null || options.DeepLinkBase is { IsAbsoluteUri: true, Scheme: "http" or "https" }, "DeepLinkBase", "Must be an absolute http(s) address.");
        Check(options.BatchSize is >= 1 and <= 5000, "BatchSize", "Must be 1 to 5000.");
        Check(options.MaxParallelism is >= 1 and <= 4096, "MaxParallelism", "Must be 1 to 4096.");
        Check(options.MaxAttempts is >= 1 and <= 10, "MaxAttempts", "Must be 1 to 10.");
        Check(options.PollInterval > TimeSpan.Zero, "PollInterval", "Must be positive.");
        Check(options.AlertPollInterval >= TimeSpan.FromMilliseconds(10) && options.AlertPollInterval <= TimeSpan.FromMinutes(2), "AlertPollInterval", "Must be 10 ms to 2 minutes.");
        Check(options.ShardSize == 0 || options.ShardSize is >= 10 and <= 1_000_000, "ShardSize", "Must be 0 (never split) or 10 to 1,000,000.");
        Check(options.JobsPerLane is >= 1 and <= 64, "JobsPerLane", "Must be 1 to 64.");
        Check(options.LeaseDuration >= TimeSpan.FromSeconds(10), "LeaseDuration", "Must be at least 10 seconds.");
        Check(options.InitialRetryDelay >= TimeSpan.Zero && options.InitialRetryDelay <= options.MaxRetryDelay, "InitialRetryDelay", "Must be between 0 and MaxRetryDelay.");
        Check(options.MaxRetryDelay < options.LeaseDuration, "MaxRetryDelay", "Must be shorter than LeaseDuration, or a waiting batch would lose its job.");
        Check(options.RequestTimeout >= TimeSpan.FromMilliseconds(100) && options.RequestTimeout <= TimeSpan.FromMinutes(5), "RequestTimeout", "Must be 100 ms to 5 minutes.");
        Check(options.RegistrationsPerMinute >= 1, "RegistrationsPerMinute", "Must be at least 1.");

        var fcm = options.Fcm;
        if (!string.IsNullOrWhiteSpace(fcm.ProjectId))
        {
            Check(fcm.ServiceAccountFile is { Length: > 0 } file && File.Exists(file), "Fcm:ServiceAccountFile", "Must name the service account key file (JSON) when Fcm:ProjectId is set.");
            Check(fcm.Endpoint.IsAbsoluteUri, "Fcm:Endpoint", "Must be an absolute address.");
        }

        var apns = options.Apns;
        if (!string.IsNullOrWhiteSpace(apns.TeamId))
        {
            Check(!string.IsNullOrWhiteSpace(apns.KeyId), "Apns:KeyId", "Is required when Apns:TeamId is set.");
            Check(!string.IsNullOrWhiteSpace(apns.BundleId), "Apns:BundleId", "Is required when Apns:TeamId is set.");
            Check(apns.PrivateKeyFile is { Length: > 0 } key && File.Exists(key), "Apns:PrivateKeyFile", "Must name the .p8 key file when Apns:TeamId is set.");
            Check(apns.Endpoint.IsAbsoluteUri, "Apns:Endpoint", "Must be an absolute address.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
