namespace Egov.Modules.Outreach.Engines.TextRules;

/// <summary>The fields of a post variant that the checks read; values of <see cref="CheckFinding.Field"/>.</summary>
internal static class FindingFields
{
    /// <summary>The exact text sent (<see cref="ChannelCheckResult.ExactText"/>).</summary>
    public const string Text = "text";

    /// <summary>Mastodon's content warning (<c>spoiler_text</c>).</summary>
    public const string ContentWarning = "content-warning";

    /// <summary>An attached image itself (its size or type); the finding's match is the file name.</summary>
    public const string Media = "media";

    /// <summary>The alt text of an attached image; the finding's message names the file.</summary>
    public const string AltText = "alt-text";
}
