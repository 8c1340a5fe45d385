using System.Net.Http.Json;
using System.Text.Json;
using Egov.Modules.Outreach.Engines.TextRules;
using Egov.Modules.Outreach.Features.Channels;
using Egov.Modules.Outreach.Features.Channels.Kinds;

namespace Egov.IntegrationTests.Outreach.Kinds;

/// <summary>
/// A channel kind that exists only in this test project: a digital notice board that takes a JSON notice with a
/// bearer key. It is registered through DI alone (<see cref="ChannelKindRegistration.AddChannelKind"/>), to show
/// that a new kind needs its descriptor and its adapter and nothing else of the module.
/// </summary>
internal sealed class NoticeBoardChannel : ChannelKind<NoticeBoardAdapter>
{
    public const string KindName = "notice-board";

    /// <summary>The board shows 280 grapheme clusters, one image with alt text.</summary>
    public static ChannelCapabilities Documented { get; } =
        new(280, LengthUnit.GraphemeClusters, 2048, 0, 1, SupportsAltText: true, ChannelCapabilities.PlainFormatting);

    public override string Name => KindName;

    public override string DisplayNameDe => "Digitale Anschlagtafel";

    public override string DisplayNameEn => "Digital notice board";

    public override ChannelCapabilities DocumentedCapabilities => Documented;

    public override IReadOnlyList<string> CredentialKeys { get; } = ["apiKey"];

    public override ChannelFieldHint AddressHint { get; } = new("URL der Tafel", "the board's URL");

    public override void Validate(ChannelInput input, Action<string, string> fail)
    {
        if (!IsAbsoluteHttpUrl(input.Address))
        {
            fail("address", "Must be the board's absolute https:// URL.");
        }
    }
}

/// <summary>Posts <c>{"deliveryId", "text"}</c> to <c>{address}/notices</c> with <c>Authorization: Bearer {apiKey}</c>.</summary>
internal sealed class NoticeBoardAdapter(HttpClient http) : IChannelAdapter
{
    public string Kind => NoticeBoardChannel.KindName;

    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(message.Channel.Address!.TrimEnd('/') + "/"), "notices"))
        {
            Content = JsonContent.Create(new { deliveryId = message.DeliveryId, text = message.Text }),
        };
        request.Headers.Authorization = new("Bearer", message.Channel.Credentials["apiKey"]);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return DeliveryOutcome.Failed($"The board answered {(int)response.StatusCode}.", (int)response.StatusCode);
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return DeliveryOutcome.Sent(body.GetProperty("id").GetString()!, null, (int)response.StatusCode);
    }

    public Task<Engagement?> GetEngagementAsync(ChannelEndpoint channel, string platformId, CancellationToken cancellationToken) =>
        Task.FromResult<Engagement?>(null);
}
