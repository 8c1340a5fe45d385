using Egov.Modules.Outreach.Domain.Posts;
using Egov.SharedKernel.Time;

namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>A post with its variants and workflow state.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>publishAt</c>: When it goes out (UTC); <c>publishAtLocal</c> is the same instant in Europe/Berlin.</item>
/// <item><c>heldByAlert</c>: A scheduled non-crisis post that waits while a crisis alert is active; it goes out after the alert ends.</item>
/// <item><c>version</c>: Concurrency token; the ETag header carries it.</item>
/// </list>
/// </remarks>
internal sealed record PostView(
    Guid Id,
    string Title,
    string Status,
    bool Crisis,
    string AuthorName,
    IReadOnlyList<VariantView> Variants,
    ApprovalView? Approval,
    string? RejectionReason,
    DateTimeOffset? PublishAt,
    DateTimeOffset? PublishAtLocal,
    bool HeldByAlert,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version)
{
    public static PostView From(Post p, bool alertActive) => new(
        p.Id, p.Title, p.Status.ToString(), p.IsCrisis, p.AuthorName,
        [.. p.Variants.OrderBy(v => v.ChannelId).Select(v => new VariantView(v.Id, v.ChannelId, v.Text, v.Language, v.Link, v.ContentWarning, v.Hashtags,
            [.. v.Media.Select(m => new VariantMediaInput(m.MediaId, m.AltText))]))],
        p.Approval is { } a ? new ApprovalView(a.ApproverName, a.ApprovedAt, a.GuidelineVersion, a.BreakGlass, p.BreakGlassReviewedAt, p.BreakGlassReviewedBy) : null,
        p.RejectionReason,
        p.PublishAt,
        p.PublishAt is { } at ? CivilTime.ToBerlin(at) : null,
        alertActive && !p.IsCrisis && p.Status == PostStatus.Scheduled,
        p.CreatedAt, p.UpdatedAt, p.Version);
}

internal sealed record VariantView(Guid Id, Guid ChannelId, string Text, string Language, string? Link, string? ContentWarning, IReadOnlyList<string> Hashtags, IReadOnlyList<VariantMediaInput> Media);

/// <remarks>
/// <list type="bullet">
/// <item><c>guidelineVersion</c>: The guideline version in force at approval.</item>
/// <item><c>breakGlass</c>: A CrisisManager approved their own crisis post; awaits review until <c>reviewedAt</c>.</item>
/// </list>
/// </remarks>
internal sealed record ApprovalView(string ApprovedBy, DateTimeOffset ApprovedAt, int GuidelineVersion, bool BreakGlass, DateTimeOffset? ReviewedAt, string? ReviewedBy);

/// <summary>A post in a list.</summary>
internal sealed record PostSummary(Guid Id, string Title, string Status, bool Crisis, string AuthorName, int Channels, bool BreakGlassAwaitingReview, DateTimeOffset? PublishAt, DateTimeOffset UpdatedAt);

/// <summary>One line of a post's audit history.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>checkResults</c>: The check report at that moment (submission, approval), as stored.</item>
/// </list>
/// </remarks>
internal sealed record PostHistoryView(int Sequence, DateTimeOffset At, string Actor, string Action, string? FromStatus, string ToStatus, string? Note, int? GuidelineVersion, System.Text.Json.JsonElement? CheckResults);

/// <summary>An uploaded image.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>length</c>: Bytes.</item>
/// </list>
/// </remarks>
internal sealed record PostMediaView(Guid Id, string FileName, string ContentType, long Length, string Sha256, DateTimeOffset UploadedAt);
