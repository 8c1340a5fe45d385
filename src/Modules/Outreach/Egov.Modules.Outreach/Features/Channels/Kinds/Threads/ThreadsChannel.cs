using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Engines.TextRules;
using Egov.Modules.Outreach.Features.Channels.Kinds.Facebook;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Egov.Modules.Outreach.Features.Channels.Kinds.Threads;

/// <summary>
/// A Threads profile (Threads API): address the Threads user id, credential <c>accessToken</c> (a long-lived Threads
/// user token with <c>threads_basic</c>, <c>threads_content_publish</c>; for replies <c>threads_manage_replies</c>);
/// API address <c>Egov:Outreach:Platforms:threads:ApiBaseAddress</c> (default <c>https://graph.threads.net/v1.0</c>).
/// </summary>
internal sealed class ThreadsChannel : ChannelKind<ThreadsAdapter>
{
    /// <summary>
    /// Threads API, Posts: "Text posts are limited to 500 characters. Emojis are counted as the number of UTF-8 bytes"
    /// (<see cref="LengthUnit.ThreadsCharacters"/>); a link goes as <c>link_attachment</c> of a text post; an image post
    /// (<c>media_type=IMAGE</c>, <c>image_url</c> fetched from Egov's public link, <c>alt_text</c>) carries one image here
    /// (carousels are not used by Egov yet); images at most 8 MB, JPEG or PNG (Threads media specifications).
    /// </summary>
    public static ChannelCapabilities Documented { get; } =
        new(500, LengthUnit.ThreadsCharacters, null, 0, 1, SupportsAltText: true, ChannelCapabilities.PlainFormatting)
        {
            MaxImageBytes = 8_000_000,
            ImageTypes = ["image/jpeg", "image/png"],
        };

    public override string Name => OutreachChannelKinds.Threads;

    public override string DisplayNameDe => "Threads";

    public override string DisplayNameEn => "Threads";

    public override int Order => 8;

    public override ChannelCapabilities DocumentedCapabilities => Documented;

    public override IReadOnlyList<string> CredentialKeys { get; } = ["accessToken"];

    public override ChannelFieldHint AddressHint { get; } = new("Threads-Nutzer-ID (Zahl)", "Threads user id (number)");

    public override ChannelFieldHint AccountHint { get; } = new("stadt (Benutzername)", "city (user name)");

    /// <summary><c>https://www.threads.com/@{username}</c>.</summary>
    public override Uri? ProfileUrl(string? address, string? account) =>
        account?.Trim().TrimStart('@') is { Length: > 0 } name ? new Uri("https://www.threads.com/@" + Uri.EscapeDataString(name)) : null;

    public override void Validate(ChannelInput input, Action<string, string> fail)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(fail);
        FacebookChannel.RequireNumericId(input.Address, "address", "Must be the Threads user id (GET /me?fields=id with the token).", fail);
    }

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddApiBaseAddress(configuration, Name, new Uri("https://graph.threads.net/v1.0"));
        services.TryAddSingleton<PublicMediaLinks>();
        base.AddServices(services, configuration);
    }
}
