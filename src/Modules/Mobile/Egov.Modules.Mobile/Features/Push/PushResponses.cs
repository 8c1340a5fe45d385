namespace Egov.Modules.Mobile.Features.Push;

/// <summary>The VAPID public key, for <c>pushManager.subscribe({ applicationServerKey })</c>.</summary>
/// <param name="PublicKey">P-256 public key, uncompressed point, base64url (RFC 8292 §3.2).</param>
internal sealed record VapidPublicKeyResponse(string PublicKey);

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
