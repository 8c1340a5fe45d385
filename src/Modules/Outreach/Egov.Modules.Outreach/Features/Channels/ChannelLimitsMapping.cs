using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Domain.Channels;
using Egov.Modules.Outreach.Features.Checks;

namespace Egov.Modules.Outreach.Features.Channels;

/// <summary>Between the stored <see cref="ChannelLimits"/> and the checks' <see cref="ChannelCapabilities"/>.</summary>
internal static class ChannelLimitsMapping
{
    public static ChannelLimits From(ChannelCapabilities c, string source, DateTimeOffset? readAt) =>
        new(c.MaxLength, c.LengthUnit.ToString(), c.MaxBytes, c.CharactersReservedPerUrl, c.MaxMedia, c.SupportsAltText, c.Formatting, source, readAt);

    public static ChannelCapabilities ToCapabilities(ChannelLimits l) =>
        new(l.MaxLength, Enum.Parse<LengthUnit>(l.LengthUnit), l.MaxBytes, l.CharactersReservedPerUrl, l.MaxMedia, l.SupportsAltText, l.Formatting);

    /// <summary>The documented limits of a platform that does not publish them per account (all but Mastodon).</summary>
    public static ChannelLimits Documented(string kind) => From(kind switch
    {
        OutreachChannelKinds.Bluesky => ChannelCapabilities.Bluesky,
        OutreachChannelKinds.Telegram => ChannelCapabilities.Telegram,
        OutreachChannelKinds.Webhook => ChannelCapabilities.Webhook,
        OutreachChannelKinds.AppPush => ChannelCapabilities.AppPush,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Mastodon limits are read from the instance."),
    }, "platform", null);
}
