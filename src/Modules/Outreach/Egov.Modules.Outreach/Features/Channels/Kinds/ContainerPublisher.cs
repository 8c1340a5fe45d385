using System.Text.Json;

namespace Egov.Modules.Outreach.Features.Channels.Kinds;

/// <summary>
/// Publishing in two steps, as Instagram (Content Publishing) and Threads (Posts) do: create a media container
/// (<c>POST /{user-id}/media</c> or <c>/threads</c>), wait until its status is <c>FINISHED</c>, then publish it
/// (<c>POST /{user-id}/media_publish</c> or <c>/threads_publish</c> with <c>creation_id</c>) — which answers the id
/// of the published media.
/// </summary>
/// <remarks>
/// <para><b>Never twice.</b> Neither platform has an idempotency key, but a container is published at most once and
/// reports it: its status becomes <c>PUBLISHED</c>. So the container's id is recorded at once
/// (<see cref="OutboundMessage.SaveCheckpoint"/>) before publishing, and every later attempt starts from it: a
/// <c>PUBLISHED</c> container is looked up among the account's latest media (same text, since the delivery was
/// created) and Sent; a <c>FINISHED</c> one is published (the earlier request surely did not); an <c>EXPIRED</c> or
/// <c>ERROR</c> one is replaced by a new container. The same check follows a publish request that timed out or
/// answered 5xx. A container that is never published is never public (containers expire after 24 hours).</para>
/// </remarks>
internal sealed class ContainerPublisher(HttpClient http, TimeProvider time, DeliveryHttpOptions settings, ContainerPlatform platform)
{
    private const string CheckpointPrefix = "container:";

    /// <summary>Publishes <paramref name="message"/>; <paramref name="createContainer"/> makes the container(s) and answers the id to publish.</summary>
    public Task<DeliveryOutcome> PublishAsync(OutboundMessage message, string token, string userId, Func<Task<string>> createContainer, CancellationToken cancellationToken) =>
        PlatformHttp.AttemptAsync(platform.Name, settings.CircuitBreakerBreakDuration, async () =>
        {
            var channel = message.Channel;
            string? container = message.Checkpoint is { } checkpoint && checkpoint.StartsWith(CheckpointPrefix, StringComparison.Ordinal) ? checkpoint[CheckpointPrefix.Length..] : null;
            if (container is not null)
            {
                var status = await StatusAsync(channel, token, container, cancellationToken);
                if (status == "PUBLISHED")
                {
                    return await FoundAsync(message, token, userId, container, cancellationToken);
                }

                if (status is "EXPIRED" or "ERROR")
                {
                    container = null;
                }
            }

            if (container is null)
            {
                container = await createContainer();
                await message.SaveCheckpoint(CheckpointPrefix + container, cancellationToken);
            }

            await WaitUntilFinishedAsync(channel, token, container, cancellationToken);
            DeliveryOutcome failure;
            try
            {
                var published = await MetaGraph.SendAsync(http, platform.Name, MetaGraph.Request(HttpMethod.Post, platform.Url($"/{userId}/{platform.PublishEdge}"), channel, token,
                    [new("creation_id", container)], retryOnlyIfNotReceived: true), cancellationToken);
                if (PlatformHttp.Member(published, "id") is { } id)
                {
                    return DeliveryOutcome.Sent(id, await PermalinkAsync(channel, token, id, cancellationToken), 200);
                }

                failure = DeliveryOutcome.Retry($"{platform.Name} published without answering the media id.", status: 200);
            }
            catch (DeliveryOutcomeException refused) when (refused.Outcome.Kind == DeliveryOutcomeKind.Retry && refused.Outcome.HttpStatus is null or >= 500 or 408)
            {
                failure = refused.Outcome;
            }
            catch (Exception e) when (PlatformHttp.IsTransportFailure(e, cancellationToken) && !PlatformHttp.NeverReceived(e))
            {
                failure = DeliveryOutcome.Retry($"{platform.Name} did not answer the publish request in time ({e.GetType().Name}).");
            }

            // The container tells whether that request published it.
            try
            {
                return await StatusAsync(channel, token, container, cancellationToken) == "PUBLISHED"
                    ? await FoundAsync(message, token, userId, container, cancellationToken)
                    : failure with { Error = failure.Error + " The container is not published; the next attempt publishes it." };
            }
            catch (PlatformUnavailableException e)
            {
                return failure with { Error = $"{failure.Error} Whether it was published could not be read ({e.Message}); the next attempt asks the container first." };
            }
        }, cancellationToken);

    /// <summary>A container's status (<see cref="ContainerPlatform.StatusField"/>): IN_PROGRESS, FINISHED, PUBLISHED, ERROR or EXPIRED.</summary>
    /// <exception cref="PlatformUnavailableException">It could not be read.</exception>
    private async Task<string> StatusAsync(ChannelEndpoint channel, string token, string container, CancellationToken cancellationToken)
    {
        var answer = await MetaGraph.ReadAsync(http, platform.Name, MetaGraph.Request(HttpMethod.Get, platform.Url($"/{container}?fields=id,{platform.StatusField}"), channel, token), cancellationToken);
        return PlatformHttp.Member(answer, platform.StatusField) ?? throw new PlatformUnavailableException($"{platform.Name}: the container {container} has no {platform.StatusField}.");
    }

    private async Task WaitUntilFinishedAsync(ChannelEndpoint channel, string token, string container, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + settings.MediaProcessingTimeout;
        while (true)
        {
            string status;
            try
            {
                status = await StatusAsync(channel, token, container, cancellationToken);
            }
            catch (PlatformUnavailableException e)
            {
                throw new DeliveryOutcomeException(DeliveryOutcome.Retry($"{platform.Name}: the container's status could not be read ({e.Message})."));
            }

            switch (status)
            {
                case "FINISHED":
                    return;
                case "PUBLISHED":
                    throw new DeliveryOutcomeException(DeliveryOutcome.Retry($"{platform.Name}: the container {container} is published already; the next attempt looks the post up."));
                case "ERROR" or "EXPIRED":
                    throw new DeliveryOutcomeException(DeliveryOutcome.Retry($"{platform.Name}: the container {container} ended {status} (e.g. the image could not be fetched from its public link); the next attempt creates a new one."));
            }

            if (time.GetUtcNow() >= deadline)
            {
                throw new DeliveryOutcomeException(DeliveryOutcome.Retry($"{platform.Name} was still processing the container {container} after {settings.MediaProcessingTimeout}."));
            }

            await Task.Delay(settings.MediaPollInterval, time, cancellationToken);
        }
    }

    /// <summary>The published media of a PUBLISHED container: the account's latest media with the same text, created since the delivery was.</summary>
    private async Task<DeliveryOutcome> FoundAsync(OutboundMessage message, string token, string userId, string container, CancellationToken cancellationToken)
    {
        var since = PublishOnce.CreatedAt(message.DeliveryId).AddMinutes(-1);
        var list = await MetaGraph.ReadAsync(http, platform.Name, MetaGraph.Request(HttpMethod.Get, platform.Url($"/{userId}/{platform.ListEdge}?fields=id,{platform.TextField},permalink,timestamp&limit=25"), message.Channel, token), cancellationToken);
        var found = MetaGraph.Data(list).FirstOrDefault(item =>
            PublishOnce.SameText(PlatformHttp.Member(item, platform.TextField), message.Text) && (MetaGraph.Time(item, "timestamp") is not { } at || at >= since));
        return found.ValueKind == JsonValueKind.Object && PlatformHttp.Member(found, "id") is { } id
            ? DeliveryOutcome.Sent(id, PlatformHttp.Member(found, "permalink"), 200)
            : DeliveryOutcome.Uncertain($"{platform.Name}: the container {container} is published, but the post is not among the account's latest; look at the account and confirm the delivery.");
    }

    private async Task<string?> PermalinkAsync(ChannelEndpoint channel, string token, string id, CancellationToken cancellationToken)
    {
        try
        {
            var media = await MetaGraph.ReadAsync(http, platform.Name, MetaGraph.Request(HttpMethod.Get, platform.Url($"/{id}?fields=id,permalink"), channel, token), cancellationToken);
            return PlatformHttp.Member(media, "permalink");
        }
        catch (PlatformUnavailableException)
        {
            return null; // published all the same; the link is a convenience
        }
    }
}

/// <summary>Where one container platform differs.</summary>
/// <param name="Name">For messages: <c>Instagram</c>, <c>Threads</c>.</param>
/// <param name="Url">The API address with a path.</param>
/// <param name="PublishEdge"><c>media_publish</c> or <c>threads_publish</c>.</param>
/// <param name="ListEdge">The account's media: <c>media</c> or <c>threads</c>.</param>
/// <param name="StatusField">The container's status field: <c>status_code</c> (Instagram) or <c>status</c> (Threads).</param>
/// <param name="TextField">The media's text field: <c>caption</c> (Instagram) or <c>text</c> (Threads).</param>
internal sealed record ContainerPlatform(string Name, Func<string, Uri> Url, string PublishEdge, string ListEdge, string StatusField, string TextField);
