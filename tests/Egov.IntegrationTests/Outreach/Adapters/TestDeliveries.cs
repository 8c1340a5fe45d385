using Egov.Modules.Outreach.Features.Channels.Kinds;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests.Outreach.Adapters;

/// <summary>Channels and delivery attempts as the delivery engine hands them to the adapters.</summary>
internal static class TestDeliveries
{
    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static ChannelEndpoint Channel(string kind, string? address, params (string Name, string Value)[] credentials) =>
        new(Guid.NewGuid(), kind, $"{kind} test channel", address, null, credentials.ToDictionary(c => c.Name, c => c.Value));

    /// <summary>The first attempt of a new delivery (id a UUIDv7, as Egov creates them).</summary>
    public static OutboundMessage Message(
        ChannelEndpoint channel,
        string text,
        string language = "de",
        string? contentWarning = null,
        IReadOnlyList<OutboundMedia>? media = null,
        string? replyTo = null,
        string? link = null)
    {
        var deliveryId = Guid.CreateVersion7();
        return new OutboundMessage(deliveryId, $"egov-delivery-{deliveryId}", channel, text, link, language, contentWarning, media ?? [], replyTo, Attempt: 1, Crisis: false);
    }

    public static OutboundMedia Image(string altText, string fileName = "karte.png") => new(fileName, "image/png", Png, altText);

    public static T Adapter<T>(AdapterFactory factory)
        where T : notnull => factory.Services.GetRequiredService<T>();
}
