using System.Net.Http.Json;
using System.Text.Json;
using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Domain.Channels;
using Egov.Modules.Outreach.Engines.TextRules;

namespace Egov.Modules.Outreach.Features.Channels.Kinds.Mastodon;

/// <summary>
/// Reads a Mastodon instance's posting limits from <c>GET /api/v2/instance</c> (Mastodon ≥ 4.0,
/// https://docs.joinmastodon.org/methods/instance/#v2): <c>configuration.statuses.max_characters</c>,
/// <c>characters_reserved_per_url</c> and <c>max_media_attachments</c>. Instances differ (500 is only
/// the default), so the limit is never assumed.
/// </summary>
internal sealed class MastodonInstanceReader(HttpClient http, TimeProvider time) : IPlatformLimitsReader
{
    public string Kind => OutreachChannelKinds.Mastodon;

    /// <exception cref="PlatformUnavailableException">The instance did not answer, answered with an error, or without the limits.</exception>
    public async Task<ChannelLimits> ReadLimitsAsync(Uri instance, CancellationToken cancellationToken)
    {
        var address = new Uri(instance, "/api/v2/instance");
        JsonElement root;
        try
        {
            using var response = await http.GetAsync(address, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new PlatformUnavailableException($"{address} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            root = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new PlatformUnavailableException($"{address} could not be read: {e.Message}");
        }

        try
        {
            var capabilities = ChannelCapabilities.FromMastodonInstance(root);
            return ChannelLimitsMapping.From(capabilities, "instance", time.GetUtcNow());
        }
        catch (FormatException e)
        {
            throw new PlatformUnavailableException($"{address} did not state its limits: {e.Message}");
        }
    }
}
