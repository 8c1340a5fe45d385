using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Egov.Modules.Outreach.Features.Channels.Kinds;

/// <summary>
/// The resilience pipeline of every adapter's HttpClient (Microsoft.Extensions.Http.Resilience, Polly 8),
/// outermost first: total timeout → retry (exponential backoff with jitter; the platform's
/// <c>Retry-After</c> when it gives one) → circuit breaker → timeout of one try. There is one pipeline,
/// and so one circuit, per channel (<see cref="ChannelKey"/>): one broken Mastodon instance or one
/// blocked Telegram bot does not stop the others.
/// </summary>
/// <remarks>
/// Where a retry is safe differs per platform, and the request says which it is:
/// <list type="bullet">
/// <item>Mastodon: every request is retried on 5xx, 408, 429, timeouts and connection failures — a status is
/// sent with the same <c>Idempotency-Key</c> every time, and Mastodon answers a repeat with the status it
/// created first; an orphaned media upload is removed by the instance.</item>
/// <item>Telegram: the send methods carry <see cref="RetryOnlyIfNotReceived"/> — the Bot API has no
/// idempotency and a bot cannot read a channel's history, so after a timeout or a 5xx nobody knows whether
/// the message went out; only a request that never reached Telegram, or one it refused with 429, is repeated.</item>
/// <item>Bluesky: <c>createRecord</c> carries <see cref="RetryOnlyIfNotReceived"/>; after an ambiguous failure
/// the adapter first looks the record up under its record key (<c>getRecord</c>) instead. Sessions, blob
/// uploads and reads are retried freely.</item>
/// <item>Webhook: retried freely; the receiver deduplicates on <c>Egov-Delivery-Id</c>.</item>
/// </list>
/// </remarks>
internal static class DeliveryResilience
{
    /// <summary>The channel a request is for; selects that channel's pipeline (and circuit breaker).</summary>
    public static readonly HttpRequestOptionsKey<string> ChannelKey = new("Egov.Outreach.ChannelId");

    /// <summary>
    /// Marks a request the platform may act on once received and cannot recognise when repeated: it is
    /// retried only when it surely was not acted on — no connection was made, or the platform answered 429.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> RetryOnlyIfNotReceived = new("Egov.Outreach.RetryOnlyIfNotReceived");

    /// <summary>Adds the pipeline described above to <paramref name="client"/>, one instance per channel.</summary>
    public static IHttpClientBuilder AddDeliveryResilience(this IHttpClientBuilder client, string name)
    {
        client.AddResilienceHandler(name, Configure)
            .SelectPipelineBy(_ => request => request.Options.TryGetValue(ChannelKey, out var channel) ? channel : string.Empty);
        return client;
    }

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<DeliveryHttpOptions>>().Value;
        var time = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "total", Timeout = options.TotalTimeout });
        if (options.MaxRetryAttempts > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                ShouldHandle = args => ShouldRetryAsync(args.Outcome, args.Context, options, time),
                // Replaces the handler's own Retry-After reading: it also knows Mastodon's X-RateLimit-Reset and
                // Telegram's retry_after. Null falls back to the exponential backoff.
                DelayGenerator = async args => args.Outcome.Result is { } response
                    ? await PlatformRetryAfter.ReadAsync(response, time, args.Context.CancellationToken)
                    : null,
            });
        }

        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = options.CircuitBreakerFailureRatio,
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            SamplingDuration = options.CircuitBreakerSamplingDuration,
            BreakDuration = options.CircuitBreakerBreakDuration,
        });
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = options.AttemptTimeout });
    }

    private static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context, DeliveryHttpOptions options, TimeProvider time)
    {
        if (context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        if (outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } limited)
        {
            // A wait longer than we hold a worker for goes back to the engine as Retry with that wait.
            var wait = await PlatformRetryAfter.ReadAsync(limited, time, context.CancellationToken);
            return wait is null || wait <= options.MaxRetryAfter;
        }

        var request = context.GetRequestMessage();
        if (request is not null && request.Options.TryGetValue(RetryOnlyIfNotReceived, out var cautious) && cautious)
        {
            return outcome.Exception is { } exception && PlatformHttp.NeverReceived(exception);
        }

        return HttpClientResiliencePredicates.IsTransient(outcome);
    }
}
