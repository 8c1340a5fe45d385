using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Engines.TextRules;
using Egov.Modules.Outreach.Features.Channels.Kinds.Facebook;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Egov.Modules.Outreach.Features.Channels.Kinds.Instagram;

/// <summary>
/// An Instagram professional account connected to a Facebook Page (Instagram API with Facebook Login): address the
/// Instagram account id (IG User id), credential <c>accessToken</c> (a Page access token or system-user token with
/// <c>instagram_basic</c>, <c>instagram_content_publish</c>, <c>pages_read_engagement</c>; for the inbox
/// <c>instagram_manage_comments</c>); API address <c>Egov:Outreach:Platforms:instagram:ApiBaseAddress</c>
/// (default <c>https://graph.facebook.com/v23.0</c>). Images are fetched by Instagram from Egov's public links
/// (under <c>Egov:PublicBaseAddress</c>, <see cref="PublicMediaLinks"/>).
/// </summary>
internal sealed class InstagramChannel : ChannelKind<InstagramAdapter>
{
    /// <summary>
    /// IG User Media (<c>POST /{ig-user-id}/media</c>): <c>caption</c> "Maximum 2200 characters, 30 hashtags, and 20 @
    /// tags" (counted as UTF-16 code units, <see cref="LengthUnit.Utf16CodeUnits"/>); a feed post is an image or a
    /// carousel of up to 10 ("image or carousel required": <see cref="ChannelCapabilities.MinMedia"/> 1); images JPEG only,
    /// at most 8 MB (8,000,000 bytes); <c>alt_text</c> on image containers (since 24 March 2025).
    /// </summary>
    public static ChannelCapabilities Documented { get; } =
        new(2_200, LengthUnit.Utf16CodeUnits, null, 0, 10, SupportsAltText: true, ChannelCapabilities.PlainFormatting)
        {
            MinMedia = 1,
            MaxHashtags = 30,
            MaxImageBytes = 8_000_000,
            ImageTypes = ["image/jpeg"],
        };

    public override string Name => OutreachChannelKinds.Instagram;

    public override string DisplayNameDe => "Instagram";

    public override string DisplayNameEn => "Instagram";

    public override int Order => 7;

    public override ChannelCapabilities DocumentedCapabilities => Documented;

    public override IReadOnlyList<string> CredentialKeys { get; } = ["accessToken"];

    public override ChannelFieldHint AddressHint { get; } = new("Instagram-Konto-ID (Zahl)", "Instagram account id (number)");

    public override ChannelFieldHint AccountHint { get; } = new("stadt (Benutzername)", "city (user name)");

    /// <summary><c>https://www.instagram.com/{username}</c>.</summary>
    public override Uri? ProfileUrl(string? address, string? account) =>
        account?.Trim().TrimStart('@') is { Length: > 0 } name ? new Uri("https://www.instagram.com/" + Uri.EscapeDataString(name)) : null;

    public override void Validate(ChannelInput input, Action<string, string> fail)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(fail);
        FacebookChannel.RequireNumericId(input.Address, "address", "Must be the Instagram account's numeric id (GET /{page-id}?fields=instagram_business_account).", fail);

        // The crisis fan-out sends an alert's text without an image, which Instagram cannot publish.
        if (input.CrisisCapable)
        {
            fail("crisisCapable", "Instagram posts need an image, and alerts go out as text: an Instagram channel cannot be crisis-capable.");
        }
    }

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddApiBaseAddress(configuration, Name, FacebookChannel.DefaultApi);
        services.TryAddSingleton<PublicMediaLinks>();
        base.AddServices(services, configuration);
    }
}
