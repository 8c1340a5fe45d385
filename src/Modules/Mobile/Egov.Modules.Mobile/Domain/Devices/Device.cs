using Egov.SharedKernel.Work;

namespace Egov.Modules.Mobile.Domain.Devices;

/// <summary>
/// A registration of the city's app (or web page) on one device for push notifications: where to
/// reach it, what it subscribed to, and — when a signed-in citizen registered it — whose it is.
/// One row per push endpoint (unique); registering the same endpoint again updates this row.
/// </summary>
internal sealed class Device : ILeasedRow
{
    /// <summary>Most regions one device may follow.</summary>
    public const int MaxRegions = 20;

    /// <summary>Longest endpoint (Web Push URL or FCM/APNs token) accepted, in characters.</summary>
    public const int MaxEndpointLength = 2048;

    private Device()
    {
    }

    public Guid Id { get; private set; }

    public DevicePlatform Platform { get; private set; }

    /// <summary>The Web Push endpoint URL, the FCM registration token or the APNs device token.</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>Web Push only: the user agent's P-256 public key (base64url, 65 bytes uncompressed; RFC 8291 §3.1).</summary>
    public string? P256dh { get; private set; }

    /// <summary>Web Push only: the 16-byte authentication secret (base64url; RFC 8291 §3.2).</summary>
    public string? Auth { get; private set; }

    /// <summary>Language of the notifications: <c>de</c> or <c>en</c>.</summary>
    public string Language { get; private set; } = "de";

    /// <summary>Version of the app as it reported it, for support; free text.</summary>
    public string? AppVersion { get; private set; }

    /// <summary>OIDC <c>sub</c> of the citizen who registered the device signed in; null for an anonymous device.</summary>
    public string? Subject { get; private set; }

    /// <summary>Alerts of this severity or higher are pushed; null: no alerts.</summary>
    public AlertSeverity? AlertThreshold { get; private set; }

    /// <summary>Announcement category codes subscribed to.</summary>
    public List<string> Categories { get; private set; } = [];

    /// <summary>12-digit regional keys (ARS) alerts are limited to; empty: every alert of the city.</summary>
    public List<string> Regions { get; private set; } = [];

    /// <summary>The client's <c>Idempotency-Key</c> of the request that created the registration.</summary>
    public string? CreationKey { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// Last registration or topic change (UTC). The app registers again at each start, so this is when the device was
    /// last seen; the retention job deletes registrations not seen for <c>Egov:Push:Retention:InactiveDeviceDays</c>.
    /// </summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>While set and in the future, the retention job holds the row to delete it (UTC).</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    /// <summary>The retention job's instance holding the row.</summary>
    public string? LockOwner { get; private set; }

    /// <summary>The subscribed topics in the API's spelling, alerts first, then categories and regions.</summary>
    public IReadOnlyList<DeviceTopic> Topics =>
    [
        .. AlertThreshold is { } threshold ? [DeviceTopic.Alerts(threshold)] : Array.Empty<DeviceTopic>(),
        .. Categories.Order(StringComparer.Ordinal).Select(DeviceTopic.Category),
        .. Regions.Order(StringComparer.Ordinal).Select(DeviceTopic.Region),
    ];

    public static Device Register(DeviceAddress address, string language, string? appVersion, string? subject, string? creationKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(address);
        var device = new Device
        {
            Id = Guid.CreateVersion7(now),
            Endpoint = address.Endpoint,
            CreationKey = creationKey,
            CreatedAt = now,
        };
        device.Update(address, language, appVersion, subject, now);
        return device;
    }

    /// <summary>A new registration of the same endpoint: new keys, language and version; linked to <paramref name="subject"/> or, when null, anonymous again.</summary>
    public void Update(DeviceAddress address, string language, string? appVersion, string? subject, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(address);
        Platform = address.Platform;
        P256dh = address.P256dh;
        Auth = address.Auth;
        Language = language;
        AppVersion = appVersion;
        Subject = subject;
        UpdatedAt = now;
    }

    /// <summary>Replaces every topic. The list is checked already; with several alert thresholds the last wins.</summary>
    public void ReplaceTopics(IEnumerable<DeviceTopic> topics, DateTimeOffset now)
    {
        AlertThreshold = null;
        Categories = [];
        Regions = [];
        foreach (var topic in topics)
        {
            Add(topic);
        }

        UpdatedAt = now;
    }

    /// <summary>Opts in to <paramref name="topic"/>; an alert threshold replaces the one before.</summary>
    /// <returns>False when the region limit would be exceeded.</returns>
    public bool Subscribe(DeviceTopic topic, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (topic.Kind == DeviceTopicKind.Region && !Regions.Contains(topic.Value) && Regions.Count >= MaxRegions)
        {
            return false;
        }

        Add(topic);
        UpdatedAt = now;
        return true;
    }

    /// <summary>Opts out of <paramref name="topic"/>; nothing happens when it was not subscribed.</summary>
    public void Unsubscribe(DeviceTopic topic, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(topic);
        switch (topic.Kind)
        {
            case DeviceTopicKind.Alerts:
                // Any threshold switches alerts off: "alerts off" needs no knowledge of the current one.
                AlertThreshold = null;
                break;
            case DeviceTopicKind.Category:
                Categories = [.. Categories.Where(c => c != topic.Value)];
                break;
            case DeviceTopicKind.Region:
                Regions = [.. Regions.Where(r => r != topic.Value)];
                break;
        }

        UpdatedAt = now;
    }

    private void Add(DeviceTopic topic)
    {
        switch (topic.Kind)
        {
            case DeviceTopicKind.Alerts:
                AlertThreshold = topic.Severity;
                break;
            case DeviceTopicKind.Category when !Categories.Contains(topic.Value):
                Categories = [.. Categories, topic.Value];
                break;
            case DeviceTopicKind.Region when !Regions.Contains(topic.Value):
                Regions = [.. Regions, topic.Value];
                break;
        }
    }
}
