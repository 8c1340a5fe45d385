using System.Net.Http.Headers;
using Egov.Modules.Outreach.Contracts;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Channels.Kinds.Facebook;

/// <summary>
/// Posts to a Facebook Page through the Graph API (Pages API, "Posts"): a text or link post is
/// <c>POST /{page-id}/feed</c> with <c>message</c> and <c>link</c>; a photo post is <c>POST /{page-id}/photos</c> with the
/// file as <c>source</c> and the text as <c>message</c>. The token goes as <c>Authorization: Bearer</c>.
/// </summary>
/// <remarks>
/// <para><b>Never twice.</b> The Graph API has no idempotency key. The publishing request is not repeated within an
/// attempt once it may have arrived; before a repeat the Page's latest posts (<c>GET /{page-id}/published_posts</c>,
/// <c>message</c> and <c>created_time</c>) are searched for this text since the delivery was created
/// (<see cref="PublishOnce"/>).</para>
/// <para>PlatformId: the post id <c>{page-id}_{post-id}</c> (for a photo, its <c>post_id</c>); Url: <c>permalink_url</c>
/// when found again, else <c>https://www.facebook.com/{post-id}</c>.</para>
/// </remarks>
internal sealed class FacebookAdapter(HttpClient http, IOptionsMonitor<PlatformApiOptions> api, IOptions<DeliveryHttpOptions> options, TimeProvider time) : IChannelAdapter, IInboxSource, IInboxModerator
{
    private const string Platform = "Facebook";

    public string Kind => OutreachChannelKinds.Facebook;

    /// <inheritdoc />
    public string Action => InboxModeration.Hide;

    /// <summary>
    /// Hides a comment under the Page's posts: <c>POST /{comment-id}</c> with <c>is_hidden=true</c> (Graph API, Comment node,
    /// "Updating"; since v2.2), answered <c>{"success": true}</c>. Needs <c>pages_manage_engagement</c>. The reason stays in
    /// Egov: the Graph API takes none.
    /// </summary>
    /// <exception cref="PlatformUnavailableException">The Graph API refused (e.g. the comment is not under the Page's posts) or could not be reached.</exception>
    public Task ModerateAsync(ChannelEndpoint channel, string platformItemId, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var token = channel.Credentials.GetValueOrDefault("pageAccessToken") ?? throw new PlatformUnavailableException("Facebook: the channel has no 'pageAccessToken' credential.");
        return MetaGraph.ReadAsync(http, Platform, MetaGraph.Request(HttpMethod.Post, api.Url(Kind, $"/{Uri.EscapeDataString(platformItemId)}"), channel, token, [new("is_hidden", "true")]), cancellationToken);
    }

    public Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var channel = message.Channel;
        return PublishOnce.RunAsync(Platform, message, options.Value.CircuitBreakerBreakDuration,
            () => FindAsync(message, cancellationToken),
            async () =>
            {
                var token = PlatformHttp.Credential(channel, "pageAccessToken");
                var page = Page(channel);
                var request = !string.IsNullOrWhiteSpace(message.ReplyTo)
                    ? MetaGraph.Request(HttpMethod.Post, api.Url(Kind, $"/{Uri.EscapeDataString(message.ReplyTo)}/comments"), channel, token, [new("message", message.Text)], retryOnlyIfNotReceived: true)
                    : message.Media.Count > 0 ? Photo(channel, token, page, message) : Feed(channel, token, page, message);
                var answer = await MetaGraph.SendAsync(http, Platform, request, cancellationToken);
                var id = PlatformHttp.Member(answer, "post_id") ?? PlatformHttp.Member(answer, "id");
                return id is null
                    ? DeliveryOutcome.Retry("Facebook accepted the post without answering its id.", status: 200)
                    : DeliveryOutcome.Sent(id, "https://www.facebook.com/" + id, 200);
            },
            cancellationToken);
    }

    /// <summary>Reactions, shares and comments of a post (<c>GET /{post-id}?fields=reactions.summary(true),shares,comments.summary(true)</c>).</summary>
    /// <exception cref="PlatformUnavailableException">The Graph API could not be asked or refused.</exception>
    public async Task<Engagement?> GetEngagementAsync(ChannelEndpoint channel, string platformId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var token = channel.Credentials.GetValueOrDefault("pageAccessToken") ?? throw new PlatformUnavailableException("Facebook: the channel has no 'pageAccessToken' credential.");
        var post = await MetaGraph.ReadAsync(http, Platform, MetaGraph.Request(HttpMethod.Get,
            api.Url(Kind, $"/{Uri.EscapeDataString(platformId)}?fields=reactions.summary(true),shares,comments.summary(true)"), channel, token), cancellationToken);
        return new Engagement(Summary(post, "reactions"), post.TryGetProperty("shares", out var shares) ? PlatformHttp.Count(shares, "count") : 0, Summary(post, "comments"), time.GetUtcNow());

        static int Summary(System.Text.Json.JsonElement post, string edge) =>
            post.TryGetProperty(edge, out var value) && value.TryGetProperty("summary", out var summary) ? PlatformHttp.Count(summary, "total_count") : 0;
    }

    /// <summary>
    /// Comments under the Page's recent posts (<c>GET /{post-id}/comments?fields=id,message,from,created_time</c>, newest
    /// first; <c>from</c> needs <c>pages_read_user_content</c>). An answer is a comment on the comment
    /// (<c>POST /{comment-id}/comments</c>, <see cref="SendAsync"/> with <c>ReplyTo</c>).
    /// </summary>
    /// <exception cref="PlatformUnavailableException">The Graph API could not be read.</exception>
    public async Task<InboxBatch> ReadInboxAsync(ChannelEndpoint channel, string? position, IReadOnlyList<string> ownPosts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(ownPosts);
        var token = channel.Credentials.GetValueOrDefault("pageAccessToken") ?? throw new PlatformUnavailableException("Facebook: the channel has no 'pageAccessToken' credential.");
        var items = new List<InboundItem>();
        foreach (var post in ownPosts)
        {
            var comments = await MetaGraph.ReadAsync(http, Platform, MetaGraph.Request(HttpMethod.Get,
                api.Url(Kind, $"/{Uri.EscapeDataString(post)}/comments?fields=id,message,from,created_time&order=reverse_chronological&limit=50"), channel, token), cancellationToken);
            foreach (var comment in MetaGraph.Data(comments))
            {
                if (PlatformHttp.Member(comment, "id") is not { } id)
                {
                    continue;
                }

                var from = comment.TryGetProperty("from", out var author) ? author : default;
                items.Add(new InboundItem(id, id, "comment", post, PlatformHttp.Member(from, "id") ?? "facebook", PlatformHttp.Member(from, "name"),
                    PlatformHttp.Member(comment, "message") ?? "", "https://www.facebook.com/" + id, MetaGraph.Time(comment, "created_time") ?? time.GetUtcNow()));
            }
        }

        return new InboxBatch(items, position);
    }

    private HttpRequestMessage Feed(ChannelEndpoint channel, string token, string page, OutboundMessage message)
    {
        var parameters = new List<KeyValuePair<string, string>> { new("message", message.Text) };
        if (!string.IsNullOrWhiteSpace(message.Link))
        {
            parameters.Add(new("link", message.Link));
        }

        return MetaGraph.Request(HttpMethod.Post, api.Url(Kind, $"/{page}/feed"), channel, token, parameters, retryOnlyIfNotReceived: true);
    }

    private HttpRequestMessage Photo(ChannelEndpoint channel, string token, string page, OutboundMessage message)
    {
        var image = message.Media[0];
        var file = new ByteArrayContent(image.Content);
        file.Headers.ContentType = new MediaTypeHeaderValue(image.ContentType);
        var request = MetaGraph.Request(HttpMethod.Post, api.Url(Kind, $"/{page}/photos"), channel, token, retryOnlyIfNotReceived: true);
        request.Content = new MultipartFormDataContent { { file, "source", image.FileName }, { new StringContent(message.Text), "message" } };
        return request;
    }

    /// <summary>This post among the Page's latest 25, created since the delivery was (a minute's leeway for clocks).</summary>
    private async Task<DeliveryOutcome?> FindAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var channel = message.Channel;
        var token = PlatformHttp.Credential(channel, "pageAccessToken");
        var since = PublishOnce.CreatedAt(message.DeliveryId).AddMinutes(-1);

        // A post is found among the Page's posts, an answer among the comments under the comment it answers.
        var path = string.IsNullOrWhiteSpace(message.ReplyTo)
            ? $"/{Page(channel)}/published_posts?fields=id,message,created_time,permalink_url&limit=25&since={since.ToUnixTimeSeconds()}"
            : $"/{Uri.EscapeDataString(message.ReplyTo)}/comments?fields=id,message,created_time,permalink_url&order=reverse_chronological&limit=50";
        var list = await MetaGraph.ReadAsync(http, Platform, MetaGraph.Request(HttpMethod.Get, api.Url(Kind, path), channel, token), cancellationToken);
        var found = MetaGraph.Data(list).FirstOrDefault(post =>
            PublishOnce.SameText(PlatformHttp.Member(post, "message"), message.Text) && (MetaGraph.Time(post, "created_time") is not { } at || at >= since));
        return PlatformHttp.Member(found, "id") is { } id ? DeliveryOutcome.Sent(id, PlatformHttp.Member(found, "permalink_url"), 200) : null;
    }

    private static string Page(ChannelEndpoint channel) =>
        string.IsNullOrWhiteSpace(channel.Address)
            ? throw new DeliveryOutcomeException(DeliveryOutcome.Failed("The Facebook channel has no Page id."))
            : Uri.EscapeDataString(channel.Address.Trim());
}
