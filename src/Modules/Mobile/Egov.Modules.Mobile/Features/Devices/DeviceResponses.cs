namespace Egov.Modules.Mobile.Features.Devices;

/// <summary>A device registration as the app sees it (never its endpoint or keys).</summary>
/// <param name="Id">Id of the registration; the path of every further call.</param>
/// <param name="Platform"><c>webpush</c>, <c>fcm</c> or <c>apns</c>.</param>
/// <param name="Language">Language of its notifications.</param>
/// <param name="AppVersion">As the app reported it.</param>
/// <param name="Linked">Whether it is linked to the signed-in citizen who registered it (status notifications of their applications).</param>
/// <param name="Topics">Subscribed topics.</param>
/// <param name="CreatedAt">First registration (UTC).</param>
/// <param name="UpdatedAt">Last change (UTC).</param>
internal sealed record DeviceResponse(
    Guid Id,
    string Platform,
    string Language,
    string? AppVersion,
    bool Linked,
    IReadOnlyList<string> Topics,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>The answer to a registration: the device and its secret.</summary>
/// <param name="Id">Id of the registration.</param>
/// <param name="Secret">Send it as the <c>Device-Secret</c> header to read, change or delete this registration; keep it in the app's secure storage.</param>
/// <param name="Platform"><c>webpush</c>, <c>fcm</c> or <c>apns</c>.</param>
/// <param name="Language">Language of its notifications.</param>
/// <param name="AppVersion">As the app reported it.</param>
/// <param name="Linked">Whether it is linked to the signed-in citizen.</param>
/// <param name="Topics">Subscribed topics.</param>
/// <param name="CreatedAt">First registration (UTC).</param>
/// <param name="UpdatedAt">Last change (UTC).</param>
internal sealed record DeviceRegistrationResponse(
    Guid Id,
    string Secret,
    string Platform,
    string Language,
    string? AppVersion,
    bool Linked,
    IReadOnlyList<string> Topics,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A device's topics.</summary>
/// <param name="Topics">E.g. <c>alerts:severe</c>, <c>category:traffic</c>, <c>region:091620000000</c>.</param>
internal sealed record DeviceTopicsResponse(IReadOnlyList<string> Topics);

/// <summary>Body of <c>PUT /api/v1/devices/{id}/topics</c>.</summary>
/// <param name="Topics">The complete new list (may be empty).</param>
internal sealed record ReplaceDeviceTopicsRequest(IReadOnlyList<string>? Topics);

/// <summary>The topics a device can subscribe to.</summary>
/// <param name="Alerts">The alert thresholds, lowest first; a device has at most one.</param>
/// <param name="Categories">The city's announcement categories.</param>
/// <param name="Regions">How to name a region.</param>
internal sealed record TopicCatalogResponse(IReadOnlyList<TopicDescription> Alerts, IReadOnlyList<TopicDescription> Categories, RegionTopicDescription Regions);

/// <summary>One topic.</summary>
/// <param name="Topic">As the device API takes it, e.g. <c>alerts:severe</c>.</param>
/// <param name="Label">For the app's settings screen, in the requested language (categories: German).</param>
internal sealed record TopicDescription(string Topic, string Label);

/// <summary>Region topics: <c>region:</c> and a 12-digit regional key (ARS).</summary>
/// <param name="Pattern">Regular expression of a region topic.</param>
/// <param name="Example">E.g. <c>region:091620000000</c> (München).</param>
/// <param name="MaxPerDevice">Most regions per device.</param>
/// <param name="Label">What a region topic does.</param>
internal sealed record RegionTopicDescription(string Pattern, string Example, int MaxPerDevice, string Label);
