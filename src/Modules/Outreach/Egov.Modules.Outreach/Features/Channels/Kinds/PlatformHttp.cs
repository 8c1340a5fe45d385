using System.Globalization;
using System.Net;
using System.Text.Json;
using Egov.Modules.Outreach.Features.Channels;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Egov.Modules.Outreach.Features.Channels.Kinds;

/// <summary>What the adapters share about talking HTTP to a platform and reading its answers.</summary>
internal static class PlatformHttp
{
    /// <summary>A request to <paramref name="address"/> that runs in <paramref name="channel"/>'s resilience pipeline.</summary>
    public static HttpRequestMessage Request(HttpMethod method, Uri address, ChannelEndpoint channel, bool retryOnlyIfNotReceived = false)
    {
        var request = new HttpRequestMessage(method, address);
        request.Options.Set(DeliveryResilience.ChannelKey, channel.ChannelId.ToString());
        if (retryOnlyIfNotReceived)
        {
            request.Options.Set(DeliveryResilience.RetryOnlyIfNotReceived, true);
        }

        return request;
    }

    /// <summary>A channel's base URL (Mastodon instance, Bluesky PDS) with <paramref name="path"/>; its own path is kept.</summary>
    public static Uri Under(string? baseAddress, string path)
    {
        if (!Uri.TryCreate(baseAddress, UriKind.Absolute, out var root))
        {
            throw new DeliveryOutcomeException(DeliveryOutcome.Failed($"The channel's address '{baseAddress}' is not an absolute URL."));
        }

        return new Uri(root.AbsoluteUri.TrimEnd('/') + path);
    }

    /// <summary>A credential of the channel, or a Failed outcome naming the missing one.</summary>
    public static string Credential(ChannelEndpoint channel, string name) =>
        channel.Credentials.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new DeliveryOutcomeException(DeliveryOutcome.Failed($"The channel has no '{name}' credential."));

    /// <summary>The body as JSON, or null when it is empty or not JSON (a proxy's HTML error page).</summary>
    public static async Task<JsonElement?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string (or number, as text) member of a JSON object, else null.</summary>
    public static string? Member(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(name, out var member)
            ? member.ValueKind switch
            {
                JsonValueKind.String => member.GetString(),
                JsonValueKind.Number => member.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>An integer member of a JSON object, or 0.</summary>
    public static int Count(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var member) && member.TryGetInt32(out var count) ? count : 0;

    /// <summary>
    /// The outcome of a platform's error answer: 408, 429 and 5xx are worth another attempt; any other 4xx
    /// is final (a validation refusal such as Mastodon's 422, bad credentials, a deleted chat).
    /// </summary>
    public static DeliveryOutcome ForErrorStatus(HttpResponseMessage response, string error, TimeSpan? retryAfter)
    {
        var status = (int)response.StatusCode;
        return IsWorthRetrying(response.StatusCode)
            ? DeliveryOutcome.Retry(error, retryAfter, status)
            : DeliveryOutcome.Failed(error, status);
    }

    public static bool IsWorthRetrying(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>"422 Unprocessable Entity: message" — the status and the platform's own words.</summary>
    public static string Describe(HttpResponseMessage response, string? platformMessage) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode} {response.ReasonPhrase}") + (string.IsNullOrWhiteSpace(platformMessage) ? "" : ": " + platformMessage);

    /// <summary>Whether <paramref name="exception"/> is a failure to talk to the platform (not our own cancellation).</summary>
    public static bool IsTransportFailure(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && exception is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or TaskCanceledException;

    /// <summary>
    /// The request surely never reached the platform: its name did not resolve, no (TLS) connection could be
    /// made, or this channel's circuit is open so nothing was sent. Anything else — a timeout, a connection
    /// dropped while waiting for the answer — may have been acted on.
    /// </summary>
    public static bool NeverReceived(Exception exception) =>
        exception is BrokenCircuitException
        || exception is HttpRequestException
        {
            HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError,
        };

    /// <summary>
    /// Runs one attempt: a <see cref="DeliveryOutcomeException"/> becomes its outcome, a failure to talk to
    /// the platform a Retry (<see cref="RetryAfterFailure"/>) — for platforms where repeating is safe.
    /// </summary>
    public static async Task<DeliveryOutcome> AttemptAsync(string platform, TimeSpan breakDuration, Func<Task<DeliveryOutcome>> attempt, CancellationToken cancellationToken)
    {
        try
        {
            return await attempt();
        }
        catch (DeliveryOutcomeException refused)
        {
            return refused.Outcome;
        }
        catch (Exception e) when (IsTransportFailure(e, cancellationToken))
        {
            return RetryAfterFailure(platform, e, breakDuration);
        }
    }

    /// <summary>Runs a read (engagement); any failure to get an answer becomes a <see cref="PlatformUnavailableException"/>.</summary>
    public static async Task<T> ReadAsync<T>(string platform, Func<Task<T>> read, CancellationToken cancellationToken)
    {
        try
        {
            return await read();
        }
        catch (DeliveryOutcomeException refused)
        {
            throw new PlatformUnavailableException($"{platform}: {refused.Outcome.Error}");
        }
        catch (Exception e) when (IsTransportFailure(e, cancellationToken))
        {
            throw new PlatformUnavailableException($"{platform} could not be asked: {e.Message}");
        }
    }

    /// <summary>A Retry outcome for a transport failure, for platforms where repeating is safe.</summary>
    public static DeliveryOutcome RetryAfterFailure(string platform, Exception exception, TimeSpan breakDuration) => exception switch
    {
        BrokenCircuitException => DeliveryOutcome.Retry($"{platform}: too many failures on this channel lately; its requests are paused (circuit open).", breakDuration),
        TimeoutRejectedException or TaskCanceledException => DeliveryOutcome.Retry($"{platform} did not answer in time."),
        _ => DeliveryOutcome.Retry($"{platform} could not be reached: {exception.Message}"),
    };
}

/// <summary>Ends an attempt early with <see cref="Outcome"/>; adapters catch it in <c>SendAsync</c>.</summary>
internal sealed class DeliveryOutcomeException(DeliveryOutcome outcome) : Exception(outcome.Error)
{
    public DeliveryOutcome Outcome { get; } = outcome;
}
