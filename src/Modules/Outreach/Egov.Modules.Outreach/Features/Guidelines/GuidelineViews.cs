using Egov.Modules.Outreach.Domain.Guidelines;

namespace Egov.Modules.Outreach.Features.Guidelines;

/// <summary>A guideline version, and whether the caller acknowledged it.</summary>
/// <param name="Body">The text as Markdown.</param>
/// <param name="InForce">This is the highest version, the one that counts.</param>
/// <param name="AcknowledgedAt">When the caller acknowledged this version (UTC), or null.</param>
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
/// <param name="Title">E.g. "Social-Media-Leitlinien der Stadt".</param>
/// <param name="Body">Markdown: platforms, content, who may post, tone, data protection, crisis rules. At most 100,000 characters.</param>
/// <param name="ChangeNote">What changed against the version before.</param>
internal sealed record PublishGuidelineInput(string? Title, string? Body, string? ChangeNote);
