using System.Text.RegularExpressions;
using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Engines.TextRules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.Modules.Outreach.Features.Channels.Kinds.Bluesky;

/// <summary>A Bluesky account (AT Protocol) on its PDS; credentials <c>identifier</c> and <c>appPassword</c>.</summary>
internal sealed partial class BlueskyChannel : ChannelKind<BlueskyAdapter>
{
    /// <summary>
    /// Bluesky (AT Protocol): lexicon <c>app.bsky.feed.post</c> gives <c>text</c> <c>maxGraphemes: 300</c> and
    /// <c>maxLength: 3000</c>, and a lexicon string's maxLength counts UTF-8 bytes (<c>@atproto/lexicon</c>
    /// validates it with <c>utf8Len</c>); both limits hold. URLs count at full length: the record's text
    /// carries the whole URL. <c>app.bsky.embed.images</c> takes at most 4 images, each with an <c>alt</c>, and
    /// each image blob <c>"accept": ["image/*"], "maxSize": 1000000</c> (bytes: 976.56 KiB; bluesky-social/atproto
    /// <c>lexicons/app/bsky/embed/images.json</c>): the PDS refuses a larger <c>uploadBlob</c> for a post.
    /// </summary>
    public static ChannelCapabilities Documented { get; } =
        new(300, LengthUnit.GraphemeClusters, 3000, 0, 4, SupportsAltText: true, ChannelCapabilities.PlainFormatting)
        {
            MaxImageBytes = 1_000_000,
            ImageTypes = ["image/*"],
        };

    public override string Name => OutreachChannelKinds.Bluesky;

    public override string DisplayNameDe => "Bluesky";

    public override string DisplayNameEn => "Bluesky";

    public override int Order => 3;

    public override ChannelCapabilities DocumentedCapabilities => Documented;

    public override IReadOnlyList<string> CredentialKeys { get; } = ["identifier", "appPassword"];

    /// <summary>The PDS of most accounts.</summary>
    public override string DefaultAddress => "https://bsky.social";

    public override ChannelFieldHint AddressHint { get; } = new("PDS (leer: https://bsky.social)", "PDS (empty: https://bsky.social)");

    public override ChannelFieldHint AccountHint { get; } = new("stadt.bsky.social", "city.bsky.social");

    /// <summary><c>https://bsky.app/profile/{handle}</c>.</summary>
    public override Uri? ProfileUrl(string? address, string? account) =>
        account?.Trim().TrimStart('@') is { Length: > 0 } handle ? new Uri("https://bsky.app/profile/" + Uri.EscapeDataString(handle)) : null;

    public override void Validate(ChannelInput input, Action<string, string> fail)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(fail);
        if (input.Address is not null && !IsAbsoluteHttpUrl(input.Address))
        {
            fail("address", "Must be an absolute https:// URL without query or fragment.");
        }

        if (string.IsNullOrWhiteSpace(input.Account))
        {
            fail("account", Required("Account"));
        }
        else if (!Handle().IsMatch(input.Account))
        {
            fail("account", "Must be the account's handle, e.g. stadt.bsky.social.");
        }
    }

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        base.AddServices(services, configuration);
        services.AddSingleton<BlueskySessions>();
    }

    [GeneratedRegex(@"^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex Handle();
}
