namespace Egov.Modules.Mobile.Domain.Devices;

/// <summary>The API names of <see cref="DevicePlatform"/>.</summary>
internal static class DevicePlatforms
{
    public const string WebPush = "webpush";

    public const string Fcm = "fcm";

    public const string Apns = "apns";

    public static IReadOnlyList<string> All { get; } = [WebPush, Fcm, Apns];

    public static string Name(DevicePlatform platform) => platform switch
    {
        DevicePlatform.WebPush => WebPush,
        DevicePlatform.Fcm => Fcm,
        DevicePlatform.Apns => Apns,
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, null),
    };

    /// <summary>The platform named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static DevicePlatform? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        WebPush => DevicePlatform.WebPush,
        Fcm => DevicePlatform.Fcm,
        Apns => DevicePlatform.Apns,
        _ => null,
    };
}
