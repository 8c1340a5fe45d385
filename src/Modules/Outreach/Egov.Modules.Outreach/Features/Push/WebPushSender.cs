using System.Net;
using Egov.Modules.Outreach.Domain.Devices;
using Egov.Modules.Outreach.Domain.Push;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Push;

/// <summary>
/// Web Push through Lib.Net.Http.WebPush: the payload encrypted for the subscription (RFC 8291,
/// <c>aes128gcm</c>), <c>Authorization: vapid t=…, k=…</c> (RFC 8292; one JWT per push service
/// origin, valid 12 hours, cached), <c>TTL</c>, <c>Urgency</c> and <c>Topic</c> (RFC 8030).
/// Retries are the fan-out's, so the library's own <c>Retry-After</c> handling is off.
/// </summary>
internal sealed class WebPushSender : IPushSender
{
    public const string HttpClientName = "Egov.Push.WebPush";

    private readonly PushServiceClient? _client;
    private readonly TimeProvider _time;

    public WebPushSender(IHttpMessageHandlerFactory handlers, IOptions<PushOptions> options, VapidTokenCache tokenCache, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(options);
        var vapid = options.Value.Vapid;
        _time = time;
        if (!vapid.IsConfigured)
        {
            return;
        }

        var authentication = new VapidAuthentication(vapid.PublicKey, vapid.PrivateKey)
        {
            Subject = vapid.Subject,
            TokenCache = tokenCache,
        };
#pragma warning disable CA2000 // The client lives as long as this singleton; the pooled handler is the factory's.
        var http = new HttpClient(new VapidAudienceHandler(authentication) { InnerHandler = handlers.CreateHandler(HttpClientName) }, disposeHandler: false)
        {
            Timeout = options.Value.RequestTimeout,
        };
#pragma warning restore CA2000
        _client = new PushServiceClient(http)
        {
            DefaultAuthentication = authentication,
            DefaultAuthenticationScheme = VapidAuthenticationScheme.Vapid,
            AutoRetryAfter = false,
        };
    }

    public DevicePlatform Platform => DevicePlatform.WebPush;

    public bool IsConfigured => _client is not null;

    public async Task<PushOutcome> SendAsync(PushTarget target, PushDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(delivery);
        var subscription = new PushSubscription { Endpoint = target.Endpoint };
        subscription.SetKey(PushEncryptionKeyName.P256DH, target.P256dh);
        subscription.SetKey(PushEncryptionKeyName.Auth, target.Auth);
        var message = new PushMessage(delivery.Json)
        {
            TimeToLive = (int)delivery.TimeToLive.TotalSeconds,
            Urgency = delivery.Urgency switch
            {
                PushUrgency.VeryLow => PushMessageUrgency.VeryLow,
                PushUrgency.Low => PushMessageUrgency.Low,
                PushUrgency.High => PushMessageUrgency.High,
                _ => PushMessageUrgency.Normal,
            },
            Topic = delivery.Topic,
        };

        if (_client is null)
        {
            return PushOutcome.Failed("Web Push is not configured (Egov:Push:Vapid)");
        }

        try
        {
            await _client.RequestPushMessageDeliveryAsync(subscription, message, cancellationToken);
            return PushOutcome.Delivered;
        }
        catch (PushServiceClientException ex)
        {
            var status = (int)ex.StatusCode;
            return PushOutcome.FromStatus(status, RetryAfter.From(ex.Headers, _time.GetUtcNow()), $"{status} {ex.StatusCode}");
        }
        catch (HttpRequestException ex)
        {
            return PushOutcome.Retry(ex.HttpRequestError.ToString());
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return PushOutcome.Retry(nameof(HttpStatusCode.RequestTimeout));
        }
    }
}
