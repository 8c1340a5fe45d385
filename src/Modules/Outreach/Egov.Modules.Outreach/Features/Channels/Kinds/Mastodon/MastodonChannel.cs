using System.Text.RegularExpressions;
using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Domain.Channels;
using Egov.Modules.Outreach.Engines.TextRules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Channels.Kinds.Mastodon;

/// <summary>
/// A Mastodon account on an instance (ActivityPub). Limits are read from the instance
/// (<see cref="MastodonInstanceReader"/>, <c>GET /api/v2/instance</c>); credential <c>accessToken</c>.
/// </summary>
internal sealed partial class MastodonChannel : ChannelKind<MastodonAdapter>
{
    public override string Name => OutreachChannelKinds.Mastodon;

    public override string DisplayNameDe => "Mastodon";

    public override string DisplayNameEn => "Mastodon";

    public override int Order => 1;

    /// <summary>Null: every instance states its own limits.</summary>
    public override ChannelCapabilities? DocumentedCapabilities => null;

    public override IReadOnlyList<string> CredentialKeys { get; } = ["accessToken"];

    public override ChannelFieldHint AddressHint { get; } = new("Instanz (https://social.example)", "instance (https://social.example)");

    public override ChannelFieldHint AccountHint { get; } = new("@stadt@social.example", "@city@social.example");

    /// <summary>
    /// <c>{instance}/@{user}</c>: the page whose <c>rel="me"</c> link back to the portal makes Mastodon show the
    /// portal as verified.
    /// </summary>
    public override Uri? ProfileUrl(string? address, string? account) =>
        account?.Trim().TrimStart('@') is { Length: > 0 } handle && Uri.TryCreate(address, UriKind.Absolute, out var instance)
            ? new Uri(instance, "/@" + Uri.EscapeDataString(handle.Split('@')[0]))
            : null;

    public override void Validate(ChannelInput input, Action<string, string> fail)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(fail);
        if (!IsAbsoluteHttpUrl(input.Address))
        {
            fail("address", "Must be an absolute https:// URL without query or fragment.");
        }

        if (string.IsNullOrWhiteSpace(input.Account))
        {
            fail("account", Required("Account"));
        }
        else if (!Handle().IsMatch(input.Account))
        {
            fail("account", "Must be the account's handle, e.g. @stadt@social.example.");
        }
    }

    /// <summary>Limits stored before image limits were recorded get Mastodon's default (<see cref="ChannelCapabilities.MastodonDefaultImageBytes"/>).</summary>
    public override ChannelLimits WithImageLimits(ChannelLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return limits.MaxImageBytes is not null || limits.ImageTypes is not null
            ? limits
            : limits with { MaxImageBytes = ChannelCapabilities.MastodonDefaultImageBytes };
    }

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        base.AddServices(services, configuration);
        services.AddHttpClient<MastodonInstanceReader>((provider, http) =>
        {
            http.Timeout = provider.GetRequiredService<IOptions<OutreachOptions>>().Value.PlatformRequestTimeout;
            http.DefaultRequestHeaders.UserAgent.ParseAdd("Egov-Outreach/1.0");
        });
        services.AddTransient<IPlatformLimitsReader>(provider => provider.GetRequiredService<MastodonInstanceReader>());
    }

    [GeneratedRegex(@"^@[A-Za-z0-9_]{1,30}@[A-Za-z0-9.-]+(:\d+)?$")]
    private static partial Regex Handle();
}
