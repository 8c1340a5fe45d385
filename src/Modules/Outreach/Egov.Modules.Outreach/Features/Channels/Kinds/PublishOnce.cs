using System.Net;

namespace Egov.Modules.Outreach.Features.Channels.Kinds;

/// <summary>
/// Exactly once on a platform that has no idempotency key (Facebook, LinkedIn): the publishing request is never
/// repeated within an attempt once it may have arrived (<see cref="DeliveryResilience.RetryOnlyIfNotReceived"/>), and
/// before any repeat — a later attempt, or after a 5xx, 408 or timeout that may hide a created post — the adapter
/// looks for the post among the account's latest (<c>find</c>: same text, created since the delivery was).
/// </summary>
internal static class PublishOnce
{
    /// <summary>
    /// Runs one attempt: on a repeated attempt <paramref name="find"/> first (found → Sent); then
    /// <paramref name="publish"/>; after an ambiguous failure <paramref name="find"/> again (found → Sent, surely not
    /// there → the Retry as it was). When the platform cannot be asked, a first attempt stays Retry (nothing of it can be
    /// public unless its own request was), a later one ends Uncertain for a person: never a Retry that could run out as
    /// Failed while the post is public.
    /// </summary>
    public static Task<DeliveryOutcome> RunAsync(
        string platform,
        OutboundMessage message,
        TimeSpan breakDuration,
        Func<Task<DeliveryOutcome?>> find,
        Func<Task<DeliveryOutcome>> publish,
        CancellationToken cancellationToken) =>
        PlatformHttp.AttemptAsync(platform, breakDuration, async () =>
        {
            if (message.Attempt > 1)
            {
                try
                {
                    if (await find() is { } earlier)
                    {
                        return earlier;
                    }
                }
                catch (PlatformUnavailableException e)
                {
                    return DeliveryOutcome.Uncertain($"An earlier attempt may have published this post, and {platform} could not be asked whether it did ({e.Message}). Look at the account, then confirm or retry the delivery.");
                }
            }

            DeliveryOutcome posted;
            try
            {
                posted = await publish();
            }
            catch (DeliveryOutcomeException refused)
            {
                posted = refused.Outcome;
            }
            catch (Exception e) when (PlatformHttp.IsTransportFailure(e, cancellationToken) && !PlatformHttp.NeverReceived(e))
            {
                posted = DeliveryOutcome.Retry($"{platform} did not answer in time ({e.GetType().Name}); the post may exist.");
            }

            var ambiguous = posted.Kind == DeliveryOutcomeKind.Retry && posted.HttpStatus is null or >= 500 or (int)HttpStatusCode.RequestTimeout;
            if (!ambiguous)
            {
                return posted;
            }

            try
            {
                return await find() ?? posted;
            }
            catch (PlatformUnavailableException e)
            {
                var error = $"{posted.Error} The post may have been published; {platform} could not be asked to find out ({e.Message}).";
                return message.Attempt > 1
                    ? DeliveryOutcome.Uncertain(error + " Look at the account, then confirm or retry the delivery.", posted.HttpStatus)
                    : posted with { Error = error };
            }
        }, cancellationToken);

    /// <summary>When the delivery was created: its id is a UUIDv7 (<see cref="Domain.Deliveries.Delivery.Create"/>), whose first 48 bits are Unix milliseconds (RFC 9562 §5.7).</summary>
    public static DateTimeOffset CreatedAt(Guid deliveryId)
    {
        Span<byte> bytes = stackalloc byte[16];
        deliveryId.TryWriteBytes(bytes, bigEndian: true, out _);
        long milliseconds = 0;
        for (var index = 0; index < 6; index++)
        {
            milliseconds = (milliseconds << 8) | bytes[index];
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }

    /// <summary>Whether a platform's text is the text sent: equal once line ends and surrounding white space are ignored.</summary>
    public static bool SameText(string? published, string sent) =>
        published is not null && Normalise(published) == Normalise(sent);

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
