namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>A post as an editor writes it: a working title and one variant per channel.</summary>
/// <param name="Title">Internal working title for lists (not sent), at most 200 characters.</param>
/// <param name="Crisis">A crisis post (Editors and CrisisManagers; a CrisisManager may approve it alone).</param>
/// <param name="Variants">One per channel, 1 to 20, each channel at most once.</param>
internal sealed record PostInput(string? Title, bool Crisis, List<VariantInput>? Variants);

/// <summary>The text of a post for one channel.</summary>
/// <param name="ChannelId">An enabled channel.</param>
/// <param name="Text">The text; links and hashtags given separately are appended to it.</param>
/// <param name="Language">BCP 47 language tag, e.g. <c>de</c>, <c>en</c>; default <c>de</c>.</param>
/// <param name="Link">An absolute http(s) link appended after a blank line.</param>
/// <param name="ContentWarning">Content warning (Mastodon spoiler text; counts toward the limit).</param>
/// <param name="Hashtags">Hashtags, with or without '#', appended after a blank line.</param>
/// <param name="Media">Images uploaded to the post (<c>POST …/media</c>) with their alt text.</param>
internal sealed record VariantInput(Guid? ChannelId, string? Text, string? Language, string? Link, string? ContentWarning, List<string>? Hashtags, List<VariantMediaInput>? Media);

/// <param name="MediaId">Id returned by the upload.</param>
/// <param name="AltText">What the image shows, for people who cannot see it; required before submission.</param>
internal sealed record VariantMediaInput(Guid? MediaId, string? AltText);

/// <param name="Reason">Why: shown to the author. Required, at most 2000 characters.</param>
internal sealed record RejectPostInput(string? Reason);

/// <param name="Reason">Why it was stopped (optional), at most 2000 characters.</param>
internal sealed record CancelPostInput(string? Reason);

/// <param name="PublishAt">Europe/Berlin local time like <c>2026-12-01T08:00</c> (an offset is needed in the autumn overlap); omit to go out at once.</param>
internal sealed record SchedulePostInput(string? PublishAt);

/// <param name="Note">What the reviewer found (optional), at most 2000 characters.</param>
internal sealed record ReviewPostInput(string? Note);
