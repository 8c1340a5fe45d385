using System.Diagnostics.CodeAnalysis;

namespace Egov.Modules.Mobile.Domain.Devices;

/// <summary>
/// One topic a device subscribes to, as the API writes it:
/// <list type="bullet">
/// <item><c>alerts:minor</c>, <c>alerts:moderate</c>, <c>alerts:severe</c>, <c>alerts:extreme</c> — crisis alerts
/// of that CAP severity or higher (one threshold per device; a new one replaces the old);</item>
/// <item><c>category:{code}</c> — announcements of a category of the city's list (e.g. <c>category:traffic</c>);</item>
/// <item><c>region:{ARS}</c> — limits alerts to areas overlapping this 12-digit regional key (several allowed; none: the whole city).</item>
/// </list>
/// </summary>
internal sealed record DeviceTopic(DeviceTopicKind Kind, string Value)
{
    public const string AlertsPrefix = "alerts:";
    public const string CategoryPrefix = "category:";
    public const string RegionPrefix = "region:";

    public static DeviceTopic Alerts(AlertSeverity threshold) => new(DeviceTopicKind.Alerts, threshold.ToString().ToLowerInvariant());

    public static DeviceTopic Category(string code) => new(DeviceTopicKind.Category, code);

    public static DeviceTopic Region(string ars) => new(DeviceTopicKind.Region, ars);

    /// <summary>The threshold of an <see cref="DeviceTopicKind.Alerts"/> topic.</summary>
    public AlertSeverity Severity => Kind == DeviceTopicKind.Alerts
        ? Enum.Parse<AlertSeverity>(Value, ignoreCase: true)
        : throw new InvalidOperationException($"{this} is not an alert topic.");

    /// <summary>
    /// Reads a topic's syntax; whether a category exists is checked elsewhere (the list is the
    /// Announcements module's). Case matters except in the severity.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out DeviceTopic? topic)
    {
        topic = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text.StartsWith(AlertsPrefix, StringComparison.Ordinal))
        {
            var severity = text[AlertsPrefix.Length..];
            if (Enum.TryParse<AlertSeverity>(severity, ignoreCase: true, out var threshold)
                && Enum.IsDefined(threshold) && severity.All(char.IsAsciiLetter))
            {
                topic = Alerts(threshold);
            }
        }
        else if (text.StartsWith(CategoryPrefix, StringComparison.Ordinal))
        {
            var code = text[CategoryPrefix.Length..];
            if (code.Length is > 0 and <= 64 && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                topic = Category(code);
            }
        }
        else if (text.StartsWith(RegionPrefix, StringComparison.Ordinal))
        {
            var key = text[RegionPrefix.Length..];
            if (RegionalKey.IsArs(key))
            {
                topic = Region(key);
            }
        }

        return topic is not null;
    }

    public override string ToString() => Kind switch
    {
        DeviceTopicKind.Alerts => AlertsPrefix + Value,
        DeviceTopicKind.Category => CategoryPrefix + Value,
        _ => RegionPrefix + Value,
    };
}
