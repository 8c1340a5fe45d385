using Egov.Modules.Outreach.Domain.Guidelines;

namespace Egov.Modules.Outreach.Features.Guidelines;

/// <summary>A guideline version, and whether the caller acknowledged it.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>body</c>: The text as Markdown.</item>
/// <item><c>inForce</c>: This is the highest version, the one that counts.</item>
/// <item><c>acknowledgedAt</c>: When the caller acknowledged this version (UTC), or null.</item>
/// </list>
/// </remarks>
internal sealed record GuidelineView(
    int Version, string Title, string Body, string? ChangeNote, DateTimeOffset PublishedAt, string PublishedBy, bool InForce, DateTimeOffset? AcknowledgedAt)
{
    public static GuidelineView From(Guideline g, int current, DateTimeOffset? acknowledgedAt) =>
        new(g.Version, g.Title, g.Body, g.ChangeNote, g.PublishedAt, g.PublishedByName, g.Version == current, acknowledgedAt);
}

/// <summary>One version in the list (without its text).</summary>
internal sealed record GuidelineSummary(int Version, string Title, string? ChangeNote, DateTimeOffset PublishedAt, string PublishedBy);

/// <summary>Who acknowledged a version, and when (UTC).</summary>
internal sealed record GuidelineAcknowledgementView(string Subject, string Name, DateTimeOffset AcknowledgedAt);

/// <summary>A new guideline version as an administrator publishes it.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>title</c>: E.g. "Social-Media-Leitlinien der Stadt".</item>
/// <item><c>body</c>: Markdown: platforms, content, who may post, tone, data protection, crisis rules. At most 100,000 characters.</item>
/// <item><c>changeNote</c>: What changed against the version before.</item>
/// </list>
/// </remarks>
internal sealed record PublishGuidelineInput(string? Title, string? Body, string? ChangeNote);
