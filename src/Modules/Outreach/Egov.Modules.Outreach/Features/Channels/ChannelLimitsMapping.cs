using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Domain.Channels;
using Egov.Modules.Outreach.Features.Checks;

namespace Egov.Modules.Outreach.Features.Channels;

/// <summary>Between the stored <see cref="ChannelLimits"/> and the checks' <see cref="ChannelCapabilities"/>.</summary>
internal static class ChannelLimitsMapping
{
    public static ChannelLimits From(ChannelCapabilities c, string source, DateTimeOffset? readAt) =>
        new(c.MaxLength, c.LengthUnit.ToString(), c.MaxBytes, c.CharactersReservedPerUrl, c.MaxMedia, c.SupportsAltText, c.Formatting, source, readAt, c.MaxImageBytes, c.ImageTypes);

    public static ChannelCapabilities ToCapabilities(ChannelLimits l) =>
        new(l.MaxLength, Enum.Parse<LengthUnit>(l.LengthUnit), l.MaxBytes, l.CharactersReservedPerUrl, l.MaxMedia, l.SupportsAltText, l.Formatting)
        {
            MaxImageBytes = l.MaxImageBytes,
            ImageTypes = l.ImageTypes,
        };

    /// <summary>
    /// <paramref name="limits"/> with the documented image limits of <paramref name="kind"/> where they carry
    /// none: limits stored before image limits were recorded (a Mastodon instance's default is
    /// <see cref="ChannelCapabilities.MastodonDefaultImageBytes"/>).
    /// </summary>
    public static ChannelLimits WithImageLimits(string kind, ChannelLimits limits)
    {
        if (limits.MaxImageBytes is not null || limits.ImageTypes is not null)
        {
            return limits;
        }

        if (kind == OutreachChannelKinds.Mastodon)
        {
            return limits with { MaxImageBytes = ChannelCapabilities.MastodonDefaultImageBytes };
        }

        var documented = Documented(kind);
        return limits with { MaxImageBytes = documented.MaxImageBytes, ImageTypes = documented.ImageTypes };
    }

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
