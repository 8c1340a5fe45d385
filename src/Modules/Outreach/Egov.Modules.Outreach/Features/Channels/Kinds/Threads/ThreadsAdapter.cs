using Egov.Modules.Outreach.Contracts;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Channels.Kinds.Threads;

/// <summary>
/// Posts to a Threads profile (https://developers.facebook.com/documentation/threads/posts): a container
/// <c>POST /{threads-user-id}/threads</c> — <c>media_type=TEXT</c> with <c>text</c> and <c>link_attachment</c>, or
/// <c>media_type=IMAGE</c> with <c>image_url</c>, <c>text</c>, <c>alt_text</c>; a reply adds <c>reply_to_id</c> — then
/// <c>POST /{threads-user-id}/threads_publish</c> with <c>creation_id</c>. Exactly once through the recorded container
/// (<see cref="ContainerPublisher"/>). PlatformId: the Threads media id; Url: its <c>permalink</c>.
/// </summary>
internal sealed class ThreadsAdapter(HttpClient http, IOptionsMonitor<PlatformApiOptions> api, IOptions<DeliveryHttpOptions> options, PublicMediaLinks links, TimeProvider time) : IChannelAdapter
{
    private const string Platform = "Threads";

    public string Kind => OutreachChannelKinds.Threads;

    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var channel = message.Channel;
        string token, user;
        try
        {
            token = PlatformHttp.Credential(channel, "accessToken");
            user = string.IsNullOrWhiteSpace(channel.Address) ? throw new DeliveryOutcomeException(DeliveryOutcome.Failed("The Threads channel has no user id.")) : Uri.EscapeDataString(channel.Address.Trim());
        }
        catch (DeliveryOutcomeException refused)
        {
            return refused.Outcome;
        }

        var publisher = new ContainerPublisher(http, time, options.Value, new ContainerPlatform(Platform, path => api.Url(Kind, path), "threads_publish", "threads", "status", "text"));
        return await publisher.PublishAsync(message, token, user, async () =>
        {
            var parameters = new List<KeyValuePair<string, string>> { new("text", message.Text) };
            if (message.Media.Count > 0)
            {
                var image = message.Media[0];
                parameters.Add(new("media_type", "IMAGE"));
                parameters.Add(new("image_url", links.For(image.MediaId ?? throw new DeliveryOutcomeException(DeliveryOutcome.Failed($"The image {image.FileName} has no id for a public link."))).AbsoluteUri));
                if (!string.IsNullOrWhiteSpace(image.AltText))
                {
                    parameters.Add(new("alt_text", image.AltText));
                }
            }
            else
            {
                parameters.Add(new("media_type", "TEXT"));
                if (!string.IsNullOrWhiteSpace(message.Link))
                {
                    parameters.Add(new("link_attachment", message.Link));
                }
            }

            if (!string.IsNullOrWhiteSpace(message.ReplyTo))
            {
                parameters.Add(new("reply_to_id", message.ReplyTo));
            }

            var answer = await MetaGraph.SendAsync(http, Platform, MetaGraph.Request(HttpMethod.Post, api.Url(Kind, $"/{user}/threads"), channel, token, parameters), cancellationToken);
            return PlatformHttp.Member(answer, "id") ?? throw new DeliveryOutcomeException(DeliveryOutcome.Retry("Threads created a container without answering its id.", status: 200));
        }, cancellationToken);
    }

    /// <summary>Likes, reposts and replies of a post (<c>GET /{media-id}/insights?metric=likes,reposts,replies</c>).</summary>
    /// <exception cref="PlatformUnavailableException">The Threads API could not be asked or refused.</exception>
    public async Task<Engagement?> GetEngagementAsync(ChannelEndpoint channel, string platformId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var token = channel.Credentials.GetValueOrDefault("accessToken") ?? throw new PlatformUnavailableException("Threads: the channel has no 'accessToken' credential.");
        var insights = await MetaGraph.ReadAsync(http, Platform, MetaGraph.Request(HttpMethod.Get, api.Url(Kind, $"/{Uri.EscapeDataString(platformId)}/insights?metric=likes,reposts,replies"), channel, token), cancellationToken);
        int Metric(string name) => MetaGraph.Data(insights).Where(m => PlatformHttp.Member(m, "name") == name)
            .Select(m => m.TryGetProperty("values", out var values) && values.GetArrayLength() > 0 ? PlatformHttp.Count(values[0], "value") : 0).FirstOrDefault();
        return new Engagement(Metric("likes"), Metric("reposts"), Metric("replies"), time.GetUtcNow());
    }
}
