using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Egov.Modules.Mobile.Domain.Devices;
using Egov.Modules.Mobile.Domain.Push;
using Egov.Modules.Mobile.Engines.PushCrypto;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>
/// Apple Push Notification service over HTTP/2 (<c>POST /3/device/{token}</c>) with token-based
/// authentication: an ES256 JWT of the team's .p8 key, renewed every 50 minutes (APNs refuses
/// tokens older than an hour and renewals more often than every 20 minutes). The alert shows title
/// and body; the payload travels as <c>egov</c>. 410, and 400 <c>BadDeviceToken</c> or
/// <c>DeviceTokenNotForTopic</c>, mean the token is gone.
/// </summary>
internal sealed class ApnsSender(IHttpClientFactory httpClients, IOptions<PushOptions> options, TimeProvider time) : IPushSender
{
    public const string HttpClientName = "Egov.Push.Apns";

    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(50);

    private readonly PushOptions.ApnsSettings _settings = options.Value.Apns;
    private readonly Lock _tokenLock = new();
    private (string Token, DateTimeOffset Until)? _token;

    public DevicePlatform Platform => DevicePlatform.Apns;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(_settings.TeamId);

    public async Task<PushOutcome> SendAsync(PushTarget target, PushDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(delivery);
        var now = time.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_settings.Endpoint, $"3/device/{Uri.EscapeDataString(target.Endpoint)}"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = JsonContent.Create(new Dictionary<string, object>
            {
                ["aps"] = new Dictionary<string, object?>
                {
                    ["alert"] = new { title = delivery.Content.Title, body = delivery.Content.Body },
                    ["sound"] = delivery.Urgency == PushUrgency.High ? "default" : null,
                    ["thread-id"] = delivery.Content.Type,
                }.Where(p => p.Value is not null).ToDictionary(),
                ["egov"] = delivery.Content,
            }, options: PushContent.Json),
        };
        request.Headers.Authorization = new("bearer", ProviderToken(now));
        request.Headers.Add("apns-topic", _settings.BundleId);
        request.Headers.Add("apns-push-type", "alert");
        request.Headers.Add("apns-priority", delivery.Urgency >= PushUrgency.Normal ? "10" : "5");
        request.Headers.Add("apns-expiration", (now + delivery.TimeToLive).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (delivery.Topic is { } topic)
        {
            request.Headers.Add("apns-collapse-id", topic);
        }

        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            if (status == 400)
            {
                var reason = await response.Content.ReadAsStringAsync(cancellationToken);
                if (reason.Contains("BadDeviceToken", StringComparison.Ordinal) || reason.Contains("DeviceTokenNotForTopic", StringComparison.Ordinal))
                {
                    return PushOutcome.Gone("400 " + reason);
                }
            }

            return PushOutcome.FromStatus(status, RetryAfter.From(response.Headers, now), $"{status} {response.ReasonPhrase}");
        }
        catch (HttpRequestException ex)
        {
            return PushOutcome.Retry(ex.HttpRequestError.ToString());
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return PushOutcome.TimedOut();
        }
    }

    private string ProviderToken(DateTimeOffset now)
    {
        lock (_tokenLock)
        {
            if (_token is { } cached && cached.Until > now)
            {
                return cached.Token;
            }

            using var key = ECDsa.Create();
            key.ImportFromPem(File.ReadAllText(_settings.PrivateKeyFile!));
            var token = Jwt.SignEs256(key, _settings.KeyId!, new { iss = _settings.TeamId, iat = now.ToUnixTimeSeconds() });
            _token = (token, now + TokenLifetime);
            return token;
        }
    }
}
