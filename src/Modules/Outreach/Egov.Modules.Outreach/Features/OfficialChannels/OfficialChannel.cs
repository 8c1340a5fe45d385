using Egov.Modules.Outreach.Contracts;

namespace Egov.Modules.Outreach.Features.OfficialChannels;

/// <summary>
/// One entry of the official-channel register (<c>/kanaele</c>, <c>GET /api/v1/official-channels</c>):
/// a channel the city speaks through, so citizens can tell the city's voice from imitations in a crisis.
/// </summary>
/// <param name="Kind">One of <see cref="OutreachChannelKinds"/> except <c>webhook</c> (machine-to-machine, not a public voice).</param>
/// <param name="Name">The channel's display name, e.g. <c>@stadt@social.example</c>.</param>
/// <param name="ProfileUrl">The public profile people open (Mastodon <c>https://instance/@user</c>, <c>https://t.me/…</c>, <c>https://bsky.app/profile/…</c>); null for app push.</param>
/// <param name="Purpose">What goes out here: <c>news-and-alerts</c> (crisis-capable) or <c>news</c>.</param>
/// <param name="RunBy">The organisational unit that answers for the channel, e.g. <c>Pressestelle</c>.</param>
/// <param name="DataProtectionAssessedOn">When the data-protection impact assessment (Art. 35 GDPR) was concluded; null when none is recorded.</param>
/// <param name="JointControllershipNote">The note on joint controllership with the platform (Art. 26 GDPR), when recorded.</param>
internal sealed record OfficialChannel(
    string Kind,
    string Name,
    Uri? ProfileUrl,
    string Purpose,
    string RunBy,
    DateOnly? DataProtectionAssessedOn,
    string? JointControllershipNote)
{
    /// <summary>Purpose of a crisis-capable channel.</summary>
    public const string NewsAndAlerts = "news-and-alerts";

    /// <summary>Purpose of any other channel.</summary>
    public const string News = "news";
}
