using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Engines.TextRules;
using Egov.Modules.Outreach.Features.Channels.Kinds.Facebook;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.Modules.Outreach.Features.Channels.Kinds.LinkedIn;

/// <summary>
/// A LinkedIn organisation page (Community Management API, Posts API): address the organisation id (the number in
/// <c>urn:li:organization:{id}</c>), credential <c>accessToken</c> (a member token of a page administrator with
/// <c>w_organization_social</c> and <c>r_organization_social</c>; tokens live 60 days); API address
/// <c>Egov:Outreach:Platforms:linkedin:ApiBaseAddress</c> (default <c>https://api.linkedin.com</c>) and version
/// <c>…:Version</c> (the <c>LinkedIn-Version</c> header, <c>YYYYMM</c>; default 202511).
/// </summary>
internal sealed class LinkedInChannel : ChannelKind<LinkedInAdapter>
{
    /// <summary>
    /// Posts API: <c>commentary</c> takes 3,000 characters, in the "little" text format whose reserved characters are
    /// escaped (<see cref="LengthUnit.LinkedInCharacters"/>: counted as sent, escapes included). A link goes as an
    /// article (<c>content.article.source</c>). Egov posts no images to LinkedIn yet (they need the Images API upload).
    /// </summary>
    public static ChannelCapabilities Documented { get; } =
        new(3_000, LengthUnit.LinkedInCharacters, null, 0, 0, SupportsAltText: false, ChannelCapabilities.PlainFormatting);

    public override string Name => OutreachChannelKinds.LinkedIn;

    public override string DisplayNameDe => "LinkedIn-Unternehmensseite";

    public override string DisplayNameEn => "LinkedIn page";

    public override int Order => 9;

    public override ChannelCapabilities DocumentedCapabilities => Documented;

    public override IReadOnlyList<string> CredentialKeys { get; } = ["accessToken"];

    public override ChannelFieldHint AddressHint { get; } = new("Organisations-ID (Zahl)", "organisation id (number)");

    /// <summary><c>https://www.linkedin.com/company/{id}</c>.</summary>
    public override Uri? ProfileUrl(string? address, string? account) =>
        address is { Length: > 0 } && address.All(char.IsAsciiDigit) ? new Uri("https://www.linkedin.com/company/" + address) : null;

    public override void Validate(ChannelInput input, Action<string, string> fail)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(fail);
        FacebookChannel.RequireNumericId(input.Address, "address", "Must be the organisation's numeric id (the number in urn:li:organization:…).", fail);
    }

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddApiBaseAddress(configuration, Name, new Uri("https://api.linkedin.com"), "202511");
        base.AddServices(services, configuration);
    }
}
