using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Engines.TextRules;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Channels.Kinds.LinkedIn;

/// <summary>
/// Posts to a LinkedIn organisation page through the Posts API
/// (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api): <c>POST /rest/posts</c>
/// with <c>author</c> <c>urn:li:organization:{id}</c>, <c>commentary</c> (<see cref="LinkedInLittleText.Escape"/>),
/// <c>visibility=PUBLIC</c>, <c>distribution.feedDistribution=MAIN_FEED</c>, <c>lifecycleState=PUBLISHED</c> and, for a
/// link, <c>content.article</c>; headers <c>LinkedIn-Version</c> and <c>X-Restli-Protocol-Version: 2.0.0</c>. LinkedIn
/// answers 201 with the post's URN in <c>x-restli-id</c>; errors as <c>{"status", "code", "message"}</c>.
/// </summary>
/// <remarks>
/// <para><b>Never twice.</b> No idempotency key: the create is not repeated within an attempt once it may have arrived,
/// and before a repeat the organisation's latest posts (<c>GET /rest/posts?q=author&amp;author=…</c>) are searched for
/// this commentary since the delivery was created (<see cref="PublishOnce"/>).</para>
/// <para>PlatformId: the post URN (<c>urn:li:share:…</c> or <c>urn:li:ugcPost:…</c>); Url
/// <c>https://www.linkedin.com/feed/update/{urn}/</c>.</para>
/// </remarks>
internal sealed class LinkedInAdapter(HttpClient http, IOptionsMonitor<PlatformApiOptions> api, IOptions<DeliveryHttpOptions> options, TimeProvider time) : IChannelAdapter
{
    private const string Platform = "LinkedIn";

    /// <summary>A link's article title when the text gives none: LinkedIn requires one and shows it under the preview.</summary>
    private const int TitleLength = 200;

    public string Kind => OutreachChannelKinds.LinkedIn;

    public Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var channel = message.Channel;
        var commentary = LinkedInLittleText.Escape(message.Text);
        return PublishOnce.RunAsync(Platform, message, options.Value.CircuitBreakerBreakDuration,
            () => FindAsync(message, commentary, cancellationToken),
            async () =>
            {
                var post = new JsonObject
                {
                    ["author"] = Author(channel),
                    ["commentary"] = commentary,
                    ["visibility"] = "PUBLIC",
                    ["distribution"] = new JsonObject { ["feedDistribution"] = "MAIN_FEED", ["targetEntities"] = new JsonArray(), ["thirdPartyDistributionChannels"] = new JsonArray() },
                    ["lifecycleState"] = "PUBLISHED",
                    ["isReshareDisabledByAuthor"] = false,
                };
                if (!string.IsNullOrWhiteSpace(message.Link))
                {
                    var title = message.Text.Split('\n', 2)[0].Trim();
                    post["content"] = new JsonObject { ["article"] = new JsonObject { ["source"] = message.Link, ["title"] = title.Length > TitleLength ? title[..TitleLength] : title } };
                }

                using var request = Request(HttpMethod.Post, channel, "/rest/posts", retryOnlyIfNotReceived: true);
                request.Content = JsonContent.Create(post);
                using var response = await http.SendAsync(request, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    return await ErrorAsync(response, cancellationToken);
                }

                return response.Headers.TryGetValues("x-restli-id", out var ids) && ids.FirstOrDefault() is { Length: > 0 } urn
                    ? DeliveryOutcome.Sent(urn, PostUrl(urn), (int)response.StatusCode)
                    : DeliveryOutcome.Retry("LinkedIn accepted the post without answering its id (x-restli-id).", status: (int)response.StatusCode);
            },
            cancellationToken);
    }

    /// <summary>Likes and comments of a post (<c>GET /rest/socialActions/{urn}</c>: <c>likesSummary.totalLikes</c>, <c>commentsSummary.aggregatedTotalComments</c>).</summary>
    /// <exception cref="PlatformUnavailableException">LinkedIn could not be asked or refused.</exception>
    public Task<Engagement?> GetEngagementAsync(ChannelEndpoint channel, string platformId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return PlatformHttp.ReadAsync<Engagement?>(Platform, async () =>
        {
            var actions = await GetJsonAsync(channel, "/rest/socialActions/" + Uri.EscapeDataString(platformId), cancellationToken);
            return new Engagement(
                actions.TryGetProperty("likesSummary", out var likes) ? PlatformHttp.Count(likes, "totalLikes") : 0,
                0,
                actions.TryGetProperty("commentsSummary", out var comments) ? PlatformHttp.Count(comments, "aggregatedTotalComments") : 0,
                time.GetUtcNow());
        }, cancellationToken);
    }

    /// <summary>This post among the organisation's latest 20, created since the delivery was (a minute's leeway).</summary>
    private async Task<DeliveryOutcome?> FindAsync(OutboundMessage message, string commentary, CancellationToken cancellationToken)
    {
        var since = PublishOnce.CreatedAt(message.DeliveryId).AddMinutes(-1).ToUnixTimeMilliseconds();
        var list = await PlatformHttp.ReadAsync(Platform, () => GetJsonAsync(message.Channel, $"/rest/posts?q=author&author={Uri.EscapeDataString(Author(message.Channel))}&count=20&sortBy=CREATED", cancellationToken), cancellationToken);
        var elements = list.TryGetProperty("elements", out var found) && found.ValueKind == JsonValueKind.Array ? found.EnumerateArray() : default;
        foreach (var post in elements)
        {
            var createdAt = post.TryGetProperty("createdAt", out var at) && at.TryGetInt64(out var milliseconds) ? milliseconds : long.MaxValue;
            if (createdAt >= since && PublishOnce.SameText(PlatformHttp.Member(post, "commentary"), commentary) && PlatformHttp.Member(post, "id") is { } urn)
            {
                return DeliveryOutcome.Sent(urn, PostUrl(urn), 200);
            }
        }

        return null;
    }

    private async Task<JsonElement> GetJsonAsync(ChannelEndpoint channel, string path, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, channel, path);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
        return response.IsSuccessStatusCode && body is { } json
            ? json
            : throw new PlatformUnavailableException($"LinkedIn: {path.Split('?')[0]}: {PlatformHttp.Describe(response, PlatformHttp.Member(body, "message"))}");
    }

    /// <summary>LinkedIn's error in words; 401 says the token (60 days) must be renewed.</summary>
    private async Task<DeliveryOutcome> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
        var words = PlatformHttp.Member(body, "message");
        if (PlatformHttp.Member(body, "code") is { } code)
        {
            words += $" [{code}]";
        }

        var hint = response.StatusCode == HttpStatusCode.Unauthorized ? " The access token is invalid or has expired (they live 60 days); an administrator enters a new one." : "";
        var retryAfter = response.StatusCode == HttpStatusCode.TooManyRequests ? await PlatformRetryAfter.ReadAsync(response, time, cancellationToken) : null;
        return PlatformHttp.ForErrorStatus(response, "LinkedIn: " + PlatformHttp.Describe(response, words) + hint, retryAfter);
    }

    private HttpRequestMessage Request(HttpMethod method, ChannelEndpoint channel, string path, bool retryOnlyIfNotReceived = false)
    {
        var request = PlatformHttp.Request(method, api.Url(Kind, path), channel, retryOnlyIfNotReceived);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PlatformHttp.Credential(channel, "accessToken"));
        request.Headers.Add("X-Restli-Protocol-Version", "2.0.0");
        if (api.Get(Kind).Version is { Length: > 0 } version)
        {
            request.Headers.Add("LinkedIn-Version", version);
        }

        return request;
    }

    private static string Author(ChannelEndpoint channel) =>
        string.IsNullOrWhiteSpace(channel.Address)
            ? throw new DeliveryOutcomeException(DeliveryOutcome.Failed("The LinkedIn channel has no organisation id."))
            : string.Create(CultureInfo.InvariantCulture, $"urn:li:organization:{channel.Address.Trim()}");

    private static string PostUrl(string urn) => $"https://www.linkedin.com/feed/update/{urn}/";
}
