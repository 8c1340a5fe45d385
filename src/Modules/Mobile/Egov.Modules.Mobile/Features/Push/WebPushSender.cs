using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Egov.Modules.Mobile.Domain.Devices;
using Egov.Modules.Mobile.Domain.Push;
using Egov.Modules.Mobile.Engines.PushCrypto;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>
/// Web Push (RFC 8030): the payload encrypted for the subscription by <see cref="WebPushEncryption"/>
/// (RFC 8291, <c>aes128gcm</c> of RFC 8188), <c>Authorization: vapid t=…, k=…</c> (RFC 8292; the
/// JWT from Lib.Net.Http.WebPush, one per push service origin — port included, RFC 6454 §4 —
/// valid 12 hours, cached), <c>TTL</c>, <c>Urgency</c> and <c>Topic</c>. Each request ends after
/// <see cref="PushOptions.RequestTimeout"/> (the client's timeout). Retries are the fan-out's.
/// </summary>
internal sealed class WebPushSender : IPushSender, IDisposable
{
    public const string HttpClientName = "Egov.Push.WebPush";

    private readonly HttpClient? _http;
    private readonly VapidAuthentication? _vapid;
    private readonly TimeProvider _time;

    public WebPushSender(IHttpClientFactory clients, IOptions<PushOptions> options, VapidTokenCache tokenCache, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        var vapid = options.Value.Vapid;
        _time = time;
        if (!vapid.IsConfigured)
        {
            return;
        }

        _vapid = new VapidAuthentication(vapid.PublicKey, vapid.PrivateKey)
        {
            Subject = vapid.Subject,
            TokenCache = tokenCache,
        };

        // The factory's client for the whole life of this singleton: its handler is pooled and rotated by the factory.
        _http = clients.CreateClient(HttpClientName);
    }

    public DevicePlatform Platform => DevicePlatform.WebPush;

    public bool IsConfigured => _http is not null;

    public void Dispose() => _vapid?.Dispose();

    public async Task<PushOutcome> SendAsync(PushTarget target, PushDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(delivery);
        if (_http is null || _vapid is null)
        {
            return PushOutcome.Failed("Web Push is not configured (Egov:Push:Vapid)");
        }

        byte[] body;
        try
        {
            body = WebPushEncryption.Encrypt(Encoding.UTF8.GetBytes(delivery.Json), Base64Url.DecodeFromChars(target.P256dh), Base64Url.DecodeFromChars(target.Auth));
        }
        catch (Exception e) when (e is ArgumentException or FormatException or CryptographicException)
        {
            // Registration checks the keys; a key that still cannot be used will not work on a retry either.
            return PushOutcome.Failed($"The subscription's keys cannot be used: {e.Message}");
        }

        var endpoint = new Uri(target.Endpoint);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Content.Headers.ContentEncoding.Add("aes128gcm");
        request.Headers.Add("TTL", ((int)delivery.TimeToLive.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        // RFC 8030 §5.3: without the header a push service assumes "normal".
        if (delivery.Urgency != PushUrgency.Normal)
        {
            request.Headers.Add("Urgency", delivery.Urgency switch
            {
                PushUrgency.VeryLow => "very-low",
                PushUrgency.Low => "low",
                _ => "high",
            });
        }

        if (delivery.Topic is { } topic)
        {
            request.Headers.Add("Topic", topic);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("vapid", _vapid.GetVapidSchemeAuthenticationHeaderValueParameter(endpoint.GetLeftPart(UriPartial.Authority)));
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            return PushOutcome.FromStatus(status, RetryAfter.From(response.Headers, _time.GetUtcNow()), $"{status} {response.StatusCode}");
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
}
