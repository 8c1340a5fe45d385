using Egov.Modules.Announcements.Domain;
using Egov.SharedKernel.Time;

namespace Egov.Modules.Announcements.Features.Authoring;

/// <summary>An announcement as staff see it: content, workflow state, approval, schedule. <see cref="ETag"/> goes into <c>If-Match</c>.</summary>
internal sealed record AnnouncementEditorView(
    Guid Id,
    string ETag,
    string Slug,
    string Kind,
    string Status,
    IReadOnlyList<string> Categories,
    AnnouncementContent Content,
    string AuthorName,
    bool NeedsApproval,
    string? ApprovedByName,
    DateTimeOffset? ApprovedAt,
    bool BreakGlass,
    DateTimeOffset? ReviewedAt,
    DateTimeOffset? PublishAt,
    DateTimeOffset? PublishAtLocal,
    DateTimeOffset? ExpireAt,
    DateTimeOffset? ExpireAtLocal,
    DateTimeOffset? PublishedAt,
    int Revision,
    DateTimeOffset? CorrectedAt,
    string? CorrectionNote,
    Guid? SupersededBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static string ETagOf(Announcement a) => $"\"{a.Version}\"";

    public static AnnouncementEditorView From(Announcement a) => new(
        a.Id, ETagOf(a), a.Slug, a.Kind.ToString(), a.Status.ToString(), a.Categories, a.Content, a.AuthorName, a.NeedsApproval,
        a.ApprovedByName, a.ApprovedAt, a.BreakGlass, a.ReviewedAt,
        a.PublishAt, a.PublishAt is { } p ? CivilTime.ToBerlin(p) : null, a.ExpireAt, a.ExpireAt is { } e ? CivilTime.ToBerlin(e) : null,
        a.PublishedAt, a.Revision, a.CorrectedAt, a.CorrectionNote, a.SupersededBy, a.CreatedAt, a.UpdatedAt);
}

/// <summary>A row of the editorial list.</summary>
internal sealed record AnnouncementEditorSummary(
    Guid Id, string Slug, string Kind, string Status, string Title, bool NeedsApproval, bool Approved, bool BreakGlass,
    DateTimeOffset? PublishAt, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt);
