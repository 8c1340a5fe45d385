namespace Egov.Modules.Mobile.Domain.Devices;

/// <summary>
/// German regional keys: the 12-digit Regionalschlüssel (ARS: Land 2, Regierungsbezirk 1, Kreis 2,
/// Gemeindeverband 4, Gemeinde 3 digits) and the 8-digit Gemeindeschlüssel (AGS: Land, Bezirk, Kreis,
/// Gemeinde), as alerts carry them in CAP geocodes. Keys of a larger area end in zeros
/// (<c>091620000000</c> is München as a whole, <c>090000000000</c> Bavaria).
/// </summary>
internal static class RegionalKey
{
    /// <summary>Lengths of the ARS levels: Land, Regierungsbezirk, Kreis, Gemeindeverband, Gemeinde.</summary>
    private static readonly int[] ArsLevels = [2, 3, 5, 9, 12];

    /// <summary>Whether <paramref name="key"/> is a 12-digit ARS (the form devices subscribe with).</summary>
    public static bool IsArs(string? key) => key is { Length: 12 } && key.All(char.IsAsciiDigit);

    /// <summary>
    /// The significant prefix of a key: an ARS cut after the last level that is not all zeros
    /// (<c>091620000000</c> → <c>09162</c>); an AGS is compared by its Kreis (first five digits),
    /// since it lacks the Gemeindeverband — an alert by AGS thus reaches the whole district, as
    /// the federal warning app does. Null for anything else.
    /// </summary>
    public static string? Prefix(string? key)
    {
        if (key is null || !key.All(char.IsAsciiDigit))
        {
            return null;
        }

        if (key.Length == 8)
        {
            key = key[..5] + "0000000";
        }

        if (key.Length != 12)
        {
            return null;
        }

        foreach (var level in ArsLevels)
        {
            if (key[level..].All(c => c == '0'))
            {
                return key[..level];
            }
        }

        return key;
    }

    /// <summary>
    /// Whether a device that subscribed to <paramref name="deviceRegions"/> (ARS) should get an alert
    /// for <paramref name="alertKeys"/>: yes when either side names no area (a device without
    /// regions wants every alert of the city; an alert without keys is for the whole city), or when
    /// one area contains the other (same prefix).
    /// </summary>
    public static bool Matches(IReadOnlyCollection<string> deviceRegions, IReadOnlyCollection<string> alertKeys)
    {
        ArgumentNullException.ThrowIfNull(deviceRegions);
        ArgumentNullException.ThrowIfNull(alertKeys);
        var alertPrefixes = alertKeys.Select(Prefix).OfType<string>().ToList();
        if (deviceRegions.Count == 0 || alertPrefixes.Count == 0)
        {
            return true;
        }

        return deviceRegions.Select(Prefix).OfType<string>().Any(device =>
            alertPrefixes.Any(alert => device.StartsWith(alert, StringComparison.Ordinal) || alert.StartsWith(device, StringComparison.Ordinal)));
    }
}
