using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Egov.Modules.Mobile.Domain.Devices;
using Egov.Modules.Mobile.Domain.Push;
using Egov.Modules.Mobile.Engines.PushCrypto;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>
/// Firebase Cloud Messaging HTTP v1 (<c>POST /v1/projects/{project}/messages:send</c>) with an OAuth 2.0
/// access token from the project's service account (JWT bearer grant, RFC 7523; kept until five
/// minutes before it expires). The notification goes as <c>notification</c> (title, body: shown by
/// Android when the app is in the background) and the whole payload as <c>data.egov</c>.
/// </summary>
internal sealed class FcmSender(IHttpClientFactory httpClients, IOptions<PushOptions> options, TimeProvider time) : IPushSender, IDisposable
{
    public const string HttpClientName = "Egov.Push.Fcm";

    private const string Scope = "https://www.googleapis.com/auth/firebase.messaging";

    private readonly PushOptions.FcmSettings _settings = options.Value.Fcm;
    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private ServiceAccount? _account;
    private (string Token, DateTimeOffset Until)? _token;

    public DevicePlatform Platform => DevicePlatform.Fcm;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(_settings.ProjectId);

    public void Dispose() => _tokenLock.Dispose();

    public async Task<PushOutcome> SendAsync(PushTarget target, PushDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(delivery);
        var http = httpClients.CreateClient(HttpClientName);
        try
        {
            var token = await AccessTokenAsync(http, cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_settings.Endpoint, $"v1/projects/{Uri.EscapeDataString(_settings.ProjectId!)}/messages:send"))
            {
                Content = JsonContent.Create(new
                {
                    message = new
                    {
                        token = target.Endpoint,
                        notification = new { title = delivery.Content.Title, body = delivery.Content.Body },
                        data = new Dictionary<string, string> { ["egov"] = delivery.Json },
                        android = new
                        {
                            priority = delivery.Urgency == PushUrgency.High ? "HIGH" : "NORMAL",
                            ttl = $"{(int)delivery.TimeToLive.TotalSeconds}s",
                            collapse_key = delivery.Topic,
                        },
                    },
                }, options: new JsonSerializerOptions { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull }),
            };
            request.Headers.Authorization = new("Bearer", token);
            using var response = await http.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            if (status == 400 && (await response.Content.ReadAsStringAsync(cancellationToken)).Contains("UNREGISTERED", StringComparison.Ordinal))
            {
                return PushOutcome.Gone("400 UNREGISTERED");
            }

            return PushOutcome.FromStatus(status, RetryAfter.From(response.Headers, time.GetUtcNow()), $"{status} {response.ReasonPhrase}");
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

    private async Task<string> AccessTokenAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_token is { } cached && cached.Until > now)
        {
            return cached.Token;
        }

        await _tokenLock.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } again && again.Until > now)
            {
                return again.Token;
            }

            _account ??= ServiceAccount.Read(_settings.ServiceAccountFile!);
            using var rsa = RSA.Create();
            rsa.ImportFromPem(_account.PrivateKey);
            var assertion = Jwt.SignRs256(rsa, new
            {
                iss = _account.ClientEmail,
                scope = Scope,
                aud = _account.TokenUri,
                iat = now.ToUnixTimeSeconds(),
                exp = now.AddHours(1).ToUnixTimeSeconds(),
            });
            using var response = await http.PostAsync(_account.TokenUri, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
                ["assertion"] = assertion,
            }), cancellationToken);
            response.EnsureSuccessStatusCode();
            var answer = await response.Content.ReadFromJsonAsync<TokenAnswer>(cancellationToken)
                ?? throw new HttpRequestException("The token endpoint answered no token.");
            _token = (answer.AccessToken, now.AddSeconds(answer.ExpiresIn) - TimeSpan.FromMinutes(5));
            return answer.AccessToken;
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    /// <summary>The members of a Google service account key file that the JWT bearer grant needs.</summary>
    internal sealed record ServiceAccount(
        [property: JsonPropertyName("client_email")] string ClientEmail,
        [property: JsonPropertyName("private_key")] string PrivateKey,
        [property: JsonPropertyName("token_uri")] string TokenUri)
    {
        /// <exception cref="InvalidOperationException">The file lacks a member.</exception>
        public static ServiceAccount Read(string path)
        {
            var account = JsonSerializer.Deserialize<ServiceAccount>(File.ReadAllText(path));
            return account is { ClientEmail.Length: > 0, PrivateKey.Length: > 0, TokenUri.Length: > 0 }
                ? account
                : throw new InvalidOperationException($"{path} is not a service account key: client_email, private_key and token_uri are required.");
        }
    }

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
