using Egov.Modules.Outreach.Contracts;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Channels.Kinds.Instagram;

/// <summary>
/// Posts to an Instagram professional account through content publishing
/// (https://developers.facebook.com/docs/instagram-platform/content-publishing/): one image → a container
/// <c>POST /{ig-user-id}/media</c> with <c>image_url</c>, <c>caption</c>, <c>alt_text</c>; several → one container per image
/// with <c>is_carousel_item=true</c>, then a <c>media_type=CAROUSEL</c> container with <c>children</c> and the caption; then
/// <c>POST /{ig-user-id}/media_publish</c> with <c>creation_id</c>. Exactly once through the recorded container
/// (<see cref="ContainerPublisher"/>). PlatformId: the IG Media id; Url: its <c>permalink</c>.
/// </summary>
internal sealed class InstagramAdapter(HttpClient http, IOptionsMonitor<PlatformApiOptions> api, IOptions<DeliveryHttpOptions> options, PublicMediaLinks links, TimeProvider time) : IChannelAdapter, IInboxSource, IInboxModerator
{
    private const string Platform = "Instagram";

    public string Kind => OutreachChannelKinds.Instagram;

    /// <inheritdoc />
    public string Action => InboxModeration.Hide;

    /// <summary>
    /// Hides a comment on the account's media: <c>POST /{ig-comment-id}</c> with <c>hide=true</c> (Instagram Platform,
    /// "Comment moderation"; IG Comment, "Updating"), answered <c>{"success": true}</c>. Needs <c>instagram_manage_comments</c>.
    /// The reason stays in Egov: the API takes none.
    /// </summary>
    /// <exception cref="PlatformUnavailableException">The Graph API refused or could not be reached.</exception>
    public Task ModerateAsync(ChannelEndpoint channel, string platformItemId, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var token = channel.Credentials.GetValueOrDefault("accessToken") ?? throw new PlatformUnavailableException("Instagram: the channel has no 'accessToken' credential.");
        return MetaGraph.ReadAsync(http, Platform, MetaGraph.Request(HttpMethod.Post, api.Url(Kind, $"/{Uri.EscapeDataString(platformItemId)}"), channel, token, [new("hide", "true")]), cancellationToken);
    }

    private ContainerPublisher Publisher => new(http, time, options.Value, new ContainerPlatform(Platform, path => api.Url(Kind, path), "media_publish", "media", "status_code", "caption"));

    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var channel = message.Channel;
        if (!string.IsNullOrWhiteSpace(message.ReplyTo))
        {
            return await ReplyAsync(message, cancellationToken);
        }

        if (message.Media.Count == 0)
        {
            return DeliveryOutcome.Failed("Instagram posts need an image or a carousel; this variant has none (the checks should have refused it).");
        }

        string token, user;
        try
        {
            token = PlatformHttp.Credential(channel, "accessToken");
            user = string.IsNullOrWhiteSpace(channel.Address) ? throw new DeliveryOutcomeException(DeliveryOutcome.Failed("The Instagram channel has no account id.")) : Uri.EscapeDataString(channel.Address.Trim());
        }
        catch (DeliveryOutcomeException refused)
        {
            return refused.Outcome;
        }

        return await Publisher.PublishAsync(message, token, user, async () =>
        {
            if (message.Media.Count == 1)
            {
                return await CreateAsync(channel, token, user, [.. Image(message.Media[0]), new("caption", message.Text)], cancellationToken);
            }

            var children = new List<string>();
            foreach (var image in message.Media)
            {
                children.Add(await CreateAsync(channel, token, user, [.. Image(image), new("is_carousel_item", "true")], cancellationToken));
            }

            return await CreateAsync(channel, token, user, [new("media_type", "CAROUSEL"), new("children", string.Join(',', children)), new("caption", message.Text)], cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Likes and comments of a media (<c>GET /{ig-media-id}?fields=like_count,comments_count</c>); Instagram has no shares count.</summary>
    /// <exception cref="PlatformUnavailableException">The Graph API could not be asked or refused.</exception>
    public async Task<Engagement?> GetEngagementAsync(ChannelEndpoint channel, string platformId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var token = channel.Credentials.GetValueOrDefault("accessToken") ?? throw new PlatformUnavailableException("Instagram: the channel has no 'accessToken' credential.");
        var media = await MetaGraph.ReadAsync(http, Platform, MetaGraph.Request(HttpMethod.Get, api.Url(Kind, $"/{Uri.EscapeDataString(platformId)}?fields=like_count,comments_count"), channel, token), cancellationToken);
        return new Engagement(PlatformHttp.Count(media, "like_count"), 0, PlatformHttp.Count(media, "comments_count"), time.GetUtcNow());
    }

    /// <summary>
    /// Comments under the account's recent media (<c>GET /{ig-media-id}/comments?fields=id,text,username,timestamp</c>;
    /// needs <c>instagram_manage_comments</c>). An answer is a reply to the comment (<c>POST /{ig-comment-id}/replies</c>).
    /// </summary>
    /// <exception cref="PlatformUnavailableException">The Graph API could not be read.</exception>
    public async Task<InboxBatch> ReadInboxAsync(ChannelEndpoint channel, string? position, IReadOnlyList<string> ownPosts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(ownPosts);
        var token = channel.Credentials.GetValueOrDefault("accessToken") ?? throw new PlatformUnavailableException("Instagram: the channel has no 'accessToken' credential.");
        var items = new List<InboundItem>();
        foreach (var media in ownPosts)
        {
            var comments = await MetaGraph.ReadAsync(http, Platform, MetaGraph.Request(HttpMethod.Get, api.Url(Kind, $"/{Uri.EscapeDataString(media)}/comments?fields=id,text,username,timestamp"), channel, token), cancellationToken);
            items.AddRange(MetaGraph.Data(comments)
                .Where(comment => PlatformHttp.Member(comment, "id") is not null)
                .Select(comment => new InboundItem(PlatformHttp.Member(comment, "id")!, PlatformHttp.Member(comment, "id")!, "comment", media,
                    "@" + (PlatformHttp.Member(comment, "username") ?? "?"), null, PlatformHttp.Member(comment, "text") ?? "", null, MetaGraph.Time(comment, "timestamp") ?? time.GetUtcNow())));
        }

        return new InboxBatch(items, position);
    }

    /// <summary>
    /// A reply to a comment: <c>POST /{ig-comment-id}/replies</c> with <c>message</c>, never repeated once it may have
    /// arrived: after a 5xx or a timeout the outcome is Uncertain, for a person to look (Egov does not read replies back).
    /// </summary>
    private async Task<DeliveryOutcome> ReplyAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var outcome = await PlatformHttp.AttemptAsync(Platform, options.Value.CircuitBreakerBreakDuration, async () =>
        {
            var token = PlatformHttp.Credential(message.Channel, "accessToken");
            var answer = await MetaGraph.SendAsync(http, Platform, MetaGraph.Request(HttpMethod.Post, api.Url(Kind, $"/{Uri.EscapeDataString(message.ReplyTo!)}/replies"), message.Channel, token,
                [new("message", message.Text)], retryOnlyIfNotReceived: true), cancellationToken);
            return PlatformHttp.Member(answer, "id") is { } id ? DeliveryOutcome.Sent(id, null, 200) : DeliveryOutcome.Uncertain("Instagram answered the reply without its id.", 200);
        }, cancellationToken);
        return outcome.Kind == DeliveryOutcomeKind.Retry && outcome.HttpStatus is null or >= 500 or 408
            ? DeliveryOutcome.Uncertain($"{outcome.Error} The reply may have been posted; look at the comment, then confirm or retry the delivery.", outcome.HttpStatus)
            : outcome;
    }

    private List<KeyValuePair<string, string>> Image(OutboundMedia image)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("image_url", links.For(image.MediaId ?? throw new DeliveryOutcomeException(DeliveryOutcome.Failed($"The image {image.FileName} has no id for a public link.")))
                .AbsoluteUri),
        };
        if (!string.IsNullOrWhiteSpace(image.AltText))
        {
            parameters.Add(new("alt_text", image.AltText));
        }

        return parameters;
    }

    private async Task<string> CreateAsync(ChannelEndpoint channel, string token, string user, List<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        // A container is not public; creating one twice leaves an orphan that expires after 24 hours.
        var answer = await MetaGraph.SendAsync(http, Platform, MetaGraph.Request(HttpMethod.Post, api.Url(Kind, $"/{user}/media"), channel, token, parameters), cancellationToken);
        return PlatformHttp.Member(answer, "id") ?? throw new DeliveryOutcomeException(DeliveryOutcome.Retry("Instagram created a container without answering its id.", status: 200));
    }
}
