using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Engines.TextRules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.Modules.Outreach.Features.Channels.Kinds.AppPush;

/// <summary>
/// Push notifications to the city's mobile app: a post becomes a push to the devices following announcements.
/// No address, no account, no credentials. The adapter (<see cref="AppPushAdapter"/>) hands the post to the
/// mobile backend; it is no HTTP client of a platform, so it is registered on its own.
/// </summary>
internal sealed class AppPushChannel : ChannelKind
{
    /// <summary>
    /// The city app's push notifications (Web Push, FCM, APNs). Every one of them caps the payload at
    /// 4096 bytes (RFC 8030 §7.2 guarantees 4096; APNs and FCM allow 4 KB), and the JSON envelope and Web
    /// Push encryption need room, so the text may take 3072 UTF-8 bytes (blocking). Lock screens show a
    /// few lines only and cut the rest, so past 240 grapheme clusters is a warning
    /// (<see cref="ChannelCapabilities.MaxLengthIsSoft"/>). One image (rich notification), no alt text.
    /// </summary>
    public static ChannelCapabilities Documented { get; } =
        new(240, LengthUnit.GraphemeClusters, 3072, 0, 1, SupportsAltText: false, ChannelCapabilities.PlainFormatting)
        {
            MaxLengthIsSoft = true,
        };

    public override string Name => OutreachChannelKinds.AppPush;

    public override string DisplayNameDe => "Stadt-App (Push-Nachrichten)";

    public override string DisplayNameEn => "City app (push notifications)";

    public override int Order => 5;

    public override Type AdapterType => typeof(AppPushAdapter);

    public override ChannelCapabilities DocumentedCapabilities => Documented;

    public override ChannelFieldHint AddressHint { get; } = new("leer", "empty");

    public override void Validate(ChannelInput input, Action<string, string> fail)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(fail);
        if (!string.IsNullOrWhiteSpace(input.Address))
        {
            fail("address", "App push has no address: it reaches the devices registered with Egov.");
        }
    }

    public override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<IChannelAdapter, AppPushAdapter>();
}
