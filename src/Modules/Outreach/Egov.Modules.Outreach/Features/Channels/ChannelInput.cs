namespace Egov.Modules.Outreach.Features.Channels;

/// <summary>A channel as an administrator creates or changes it.</summary>
/// <param name="Kind">One of <c>mastodon</c>, <c>telegram</c>, <c>bluesky</c>, <c>webhook</c>, <c>app-push</c>; fixed after creation.</param>
/// <param name="Name">Display name, unique, e.g. <c>@stadt@social.example</c>.</param>
/// <param name="Enabled">Posts may target it. Needs credentials (except app push) and a completed data-protection assessment.</param>
/// <param name="CrisisCapable">Crisis posts go out here.</param>
/// <param name="OwningUnit">The unit that answers for the channel, e.g. <c>Pressestelle</c>.</param>
/// <param name="Address">Mastodon: instance base URL (<c>https://social.example</c>); Bluesky: PDS base URL (default <c>https://bsky.social</c>); Telegram: chat id (<c>@channelname</c> or <c>-100…</c>); webhook: the receiver's URL; app push: none.</param>
/// <param name="Account">Mastodon handle (<c>@stadt@social.example</c>) or Bluesky handle (<c>stadt.bsky.social</c>); optional otherwise.</param>
/// <param name="Credentials">Write-only secrets: Mastodon <c>accessToken</c>; Telegram <c>botToken</c>; Bluesky <c>identifier</c> and <c>appPassword</c>; webhook <c>secret</c> (at least 32 characters). Omit to keep the stored ones.</param>
/// <param name="DataProtection">The data-protection assessment of the channel.</param>
/// <param name="RequiresImprintLink">Public posts on this channel must carry the imprint/privacy link.</param>
/// <param name="CrossPostPolicy">Share published announcements here: <c>None</c> (default), <c>Review</c> (drafted for the press office) or <c>AutoApprove</c> (sent when the checks pass).</param>
internal sealed record ChannelInput(
    string? Kind,
    string? Name,
    bool Enabled,
    bool CrisisCapable,
    string? OwningUnit,
    string? Address,
    string? Account,
    Dictionary<string, string>? Credentials,
    DataProtectionInput? DataProtection,
    bool RequiresImprintLink,
    string? CrossPostPolicy = null);

/// <param name="AssessmentDone">A data-protection impact assessment (Art. 35 GDPR) was concluded.</param>
/// <param name="AssessedOn">Its date (<c>yyyy-MM-dd</c>); required when done.</param>
/// <param name="JointControllershipNote">Joint controllership with the platform (Art. 26 GDPR): where the agreement is, what it covers.</param>
internal sealed record DataProtectionInput(bool AssessmentDone, DateOnly? AssessedOn, string? JointControllershipNote);
