using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Egov.Modules.Outreach.Features.Channels.Kinds;

/// <summary>
/// What the Meta kinds (Facebook Page, Instagram, Threads) share: the Graph API's request shape (parameters as an
/// HTML form, the access token as <c>Authorization: Bearer</c> so it never appears in URLs or logs) and its error
/// object <c>{"error": {"message", "type", "code", "error_subcode", "is_transient", "error_user_msg", "fbtrace_id"}}</c>
/// (https://developers.facebook.com/docs/graph-api/guides/error-handling).
/// </summary>
internal static class MetaGraph
{
    /// <summary>
    /// Error codes that mean "later": 1 (API unknown), 2 (API service, temporary), 4 (app rate limit), 17 (user rate
    /// limit), 32 (Page rate limit), 341 (application limit), 613 (calls exceed the rate), 80001–80014 (business use
    /// case rate limits, e.g. 80001 Pages, 80002 Instagram) — Graph API error handling, "Error Codes".
    /// </summary>
    private static bool IsLater(int code) => code is 1 or 2 or 4 or 17 or 32 or 341 or 613 or (>= 80001 and <= 80014);

    /// <summary>A Graph request with a form body of <paramref name="parameters"/> (none for GET).</summary>
    public static HttpRequestMessage Request(HttpMethod method, Uri url, ChannelEndpoint channel, string token, IEnumerable<KeyValuePair<string, string>>? parameters = null, bool retryOnlyIfNotReceived = false)
    {
        var request = PlatformHttp.Request(method, url, channel, retryOnlyIfNotReceived);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (parameters is not null)
        {
            request.Content = new FormUrlEncodedContent(parameters);
        }

        return request;
    }

    /// <summary>
    /// The outcome of a Graph error answer, in words: "{platform}: 400 Bad Request: (#100) … [OAuthException, code 100]".
    /// Retry for 408/429/5xx, an <c>is_transient</c> error or a rate-limit code (<see cref="IsLater"/>); Failed otherwise —
    /// with a hint for 190 (the access token is invalid or expired) and 10/200–299 (a permission is missing).
    /// </summary>
    public static DeliveryOutcome Error(string platform, HttpResponseMessage response, JsonElement? body)
    {
        var error = body is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("error", out var found) && found.ValueKind == JsonValueKind.Object ? found : (JsonElement?)null;
        var code = error is { } e && e.TryGetProperty("code", out var c) && c.TryGetInt32(out var number) ? number : (int?)null;
        var transient = error is { } t && t.TryGetProperty("is_transient", out var flag) && flag.ValueKind == JsonValueKind.True;
        var words = PlatformHttp.Member(error, "error_user_msg") is { Length: > 0 } userMessage
            ? $"{PlatformHttp.Member(error, "message")} — {userMessage}"
            : PlatformHttp.Member(error, "message");
        if (error is not null)
        {
            words += string.Create(CultureInfo.InvariantCulture, $" [{PlatformHttp.Member(error, "type") ?? "error"}, code {code?.ToString(CultureInfo.InvariantCulture) ?? "?"}]");
        }

        var hint = code switch
        {
            190 => " The access token is invalid or has expired; an administrator enters a new one for this channel.",
            10 or (>= 200 and <= 299) => " The token lacks a permission this needs; see the channel's setup in docs/modules/outreach.md.",
            _ => "",
        };
        var message = $"{platform}: {PlatformHttp.Describe(response, words)}{hint}";
        var status = (int)response.StatusCode;
        return PlatformHttp.IsWorthRetrying(response.StatusCode) || transient || (code is { } later && IsLater(later))
            ? DeliveryOutcome.Retry(message, status: status)
            : DeliveryOutcome.Failed(message, status);
    }

    /// <summary>Sends <paramref name="request"/> and reads its JSON answer; a Graph error ends the attempt with <see cref="Error"/>.</summary>
    /// <exception cref="DeliveryOutcomeException">The platform answered with an error.</exception>
    public static async Task<JsonElement> SendAsync(HttpClient http, string platform, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
            if (!response.IsSuccessStatusCode || body is not { } json)
            {
                throw new DeliveryOutcomeException(response.IsSuccessStatusCode
                    ? DeliveryOutcome.Retry($"{platform}: {PlatformHttp.Describe(response, "the answer is not JSON")}", status: (int)response.StatusCode)
                    : Error(platform, response, body));
            }

            return json;
        }
    }

    /// <summary>A read: like <see cref="SendAsync"/>, but any failure is a <see cref="PlatformUnavailableException"/>.</summary>
    public static Task<JsonElement> ReadAsync(HttpClient http, string platform, HttpRequestMessage request, CancellationToken cancellationToken) =>
        PlatformHttp.ReadAsync(platform, () => SendAsync(http, platform, request, cancellationToken), cancellationToken);

    /// <summary>The <c>data</c> array of a Graph list answer (empty when there is none).</summary>
    public static IEnumerable<JsonElement> Data(JsonElement list) =>
        list.ValueKind == JsonValueKind.Object && list.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array ? data.EnumerateArray() : [];

    /// <summary>A Graph timestamp (<c>2026-12-07T10:00:00+0000</c>; ISO 8601 with a colon-less offset), or null.</summary>
    public static DateTimeOffset? Time(JsonElement item, string name)
    {
        var text = PlatformHttp.Member(item, name);
        if (text is { Length: > 5 } && text[^5] is '+' or '-' && text[^4..].All(char.IsAsciiDigit))
        {
            text = text[..^2] + ":" + text[^2..];
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
    }
}
