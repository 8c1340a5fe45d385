using System.Text.RegularExpressions;
using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Engines.TextRules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.Modules.Outreach.Features.Channels.Kinds.Facebook;

/// <summary>
/// A Facebook Page (Pages API, Graph API): address the Page id, credential <c>pageAccessToken</c> (a long-lived Page
/// access token with <c>pages_manage_posts</c>, <c>pages_read_engagement</c>, <c>pages_show_list</c>; for the inbox
/// also <c>pages_read_user_content</c>); API address <c>Egov:Outreach:Platforms:facebook:ApiBaseAddress</c>
/// (default <c>https://graph.facebook.com/v23.0</c>).
/// </summary>
internal sealed partial class FacebookChannel : ChannelKind<FacebookAdapter>
{
    /// <summary>The Graph API version Egov speaks.</summary>
    public static readonly Uri DefaultApi = new("https://graph.facebook.com/v23.0");

    /// <summary>
    /// A Page post's <c>message</c> takes 63,206 characters (Meta's stated limit for posts; counted here as UTF-16 code
    /// units, <see cref="LengthUnit.Utf16CodeUnits"/>, the reading that is never short). Egov posts one photo per post
    /// (<c>POST /{page-id}/photos</c> with the file as <c>source</c>); Page photos "should be less than 4 MB"
    /// (Graph API reference, Page Photos; 4,000,000 bytes). The Graph API has no alt-text parameter for Page photos.
    /// </summary>
    public static ChannelCapabilities Documented { get; } =
        new(63_206, LengthUnit.Utf16CodeUnits, null, 0, 1, SupportsAltText: false, ChannelCapabilities.PlainFormatting)
        {
            MaxImageBytes = 4_000_000,
        };

    public override string Name => OutreachChannelKinds.Facebook;

    public override string DisplayNameDe => "Facebook-Seite";

    public override string DisplayNameEn => "Facebook Page";

    public override int Order => 6;

    public override ChannelCapabilities DocumentedCapabilities => Documented;

    public override IReadOnlyList<string> CredentialKeys { get; } = ["pageAccessToken"];

    public override ChannelFieldHint AddressHint { get; } = new("Seiten-ID (Zahl)", "Page id (number)");

    /// <summary><c>https://www.facebook.com/{page-id}</c>.</summary>
    public override Uri? ProfileUrl(string? address, string? account) =>
        address is { Length: > 0 } && PageId().IsMatch(address) ? new Uri("https://www.facebook.com/" + address) : null;

    public override void Validate(ChannelInput input, Action<string, string> fail)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(fail);
        RequireNumericId(input.Address, "address", "Must be the Page's numeric id (Page settings → About → Page ID).", fail);
    }

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddApiBaseAddress(configuration, Name, DefaultApi);
        base.AddServices(services, configuration);
    }

    /// <summary>Fails <paramref name="field"/> unless <paramref name="value"/> is a numeric Graph id.</summary>
    internal static void RequireNumericId(string? value, string field, string message, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            fail(field, Required(field == "address" ? "Address" : "Account"));
        }
        else if (!PageId().IsMatch(value))
        {
            fail(field, message);
        }
    }

    [GeneratedRegex(@"^\d{5,25}$")]
    private static partial Regex PageId();
}
