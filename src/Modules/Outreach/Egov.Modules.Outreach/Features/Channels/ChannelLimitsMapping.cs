using Egov.Modules.Outreach.Domain.Channels;
using Egov.Modules.Outreach.Engines.TextRules;

namespace Egov.Modules.Outreach.Features.Channels;

/// <summary>Between the stored <see cref="ChannelLimits"/> and the checks' <see cref="ChannelCapabilities"/>.</summary>
internal static class ChannelLimitsMapping
{
    public static ChannelLimits From(ChannelCapabilities c, string source, DateTimeOffset? readAt) =>
        new(c.MaxLength, c.LengthUnit.ToString(), c.MaxBytes, c.CharactersReservedPerUrl, c.MaxMedia, c.SupportsAltText, c.Formatting, source, readAt, c.MaxImageBytes, c.ImageTypes, c.MinMedia == 0 ? null : c.MinMedia, c.MaxHashtags);

    public static ChannelCapabilities ToCapabilities(ChannelLimits l) =>
        new(l.MaxLength, Enum.Parse<LengthUnit>(l.LengthUnit), l.MaxBytes, l.CharactersReservedPerUrl, l.MaxMedia, l.SupportsAltText, l.Formatting)
        {
            MaxImageBytes = l.MaxImageBytes,
            ImageTypes = l.ImageTypes,
            MinMedia = l.MinMedia ?? 0,
            MaxHashtags = l.MaxHashtags,
        };
}
