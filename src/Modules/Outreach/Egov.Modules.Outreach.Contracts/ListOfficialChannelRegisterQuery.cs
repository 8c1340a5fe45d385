using Mediator;

namespace Egov.Modules.Outreach.Contracts;

/// <summary>
/// Cross-module query: the official-channel register — every enabled channel the city speaks through
/// publicly, by name; webhooks are left out (they feed other systems, they are not a voice people
/// follow). The same list as <c>/kanaele</c> and <c>GET /api/v1/official-channels</c>; the privacy
/// notice (Art. 13 GDPR) lists it. Credentials and limits never leave the module.
/// </summary>
public sealed record ListOfficialChannelRegisterQuery : IQuery<IReadOnlyList<OfficialChannelEntry>>;

/// <summary>One channel of the official-channel register.</summary>
/// <param name="Kind">One of <see cref="OutreachChannelKinds"/> except <see cref="OutreachChannelKinds.Webhook"/>.</param>
/// <param name="Name">The channel's display name, e.g. <c>@stadt@social.example</c>.</param>
/// <param name="ProfileUrl">The public profile people open (Mastodon <c>https://instance/@user</c>, <c>https://t.me/…</c>, <c>https://bsky.app/profile/…</c>); null where there is none (app push, a private chat).</param>
/// <param name="Purpose">What goes out here: <c>news-and-alerts</c> (crisis-capable) or <c>news</c>.</param>
/// <param name="RunBy">The organisational unit that answers for the channel, e.g. <c>Pressestelle</c>.</param>
/// <param name="DataProtectionAssessedOn">The calendar date the data-protection impact assessment (Art. 35 GDPR) was concluded; null when none is recorded.</param>
/// <param name="JointControllershipNote">The note on joint controllership with the platform (Art. 26 GDPR), when recorded.</param>
public sealed record OfficialChannelEntry(
    string Kind, string Name, Uri? ProfileUrl, string Purpose, string RunBy, DateOnly? DataProtectionAssessedOn, string? JointControllershipNote);
