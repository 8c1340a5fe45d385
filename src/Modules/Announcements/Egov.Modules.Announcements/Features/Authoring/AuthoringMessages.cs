using Egov.Modules.Announcements.Domain;
using Egov.SharedKernel.Paging;
using Mediator;

namespace Egov.Modules.Announcements.Features.Authoring;

/// <summary>Writes a new draft.</summary>
internal sealed record CreateAnnouncementCommand(ContentActor Actor, AnnouncementInput Input) : ICommand<AnnouncementEditorView>;

/// <summary>
/// Changes an announcement: a draft or scheduled one is edited (an approval given before no longer
/// counts); a published one is corrected — <paramref name="CorrectionNote"/> required, a new revision.
/// </summary>
internal sealed record UpdateAnnouncementCommand(ContentActor Actor, Guid Id, int? IfMatch, AnnouncementInput Input, string? CorrectionNote) : ICommand<AnnouncementEditorView>;

/// <summary>An Approver approves (four eyes), or reviews a break-glass alert after the fact.</summary>
internal sealed record ApproveAnnouncementCommand(ContentActor Actor, Guid Id, int? IfMatch) : ICommand<AnnouncementEditorView>;

/// <summary>Publishes now; <paramref name="ExpireAt"/> in Europe/Berlin local time (optional).</summary>
internal sealed record PublishAnnouncementCommand(ContentActor Actor, Guid Id, int? IfMatch, string? ExpireAt) : ICommand<AnnouncementEditorView>;

/// <summary>Schedules the publication; times in Europe/Berlin local time.</summary>
internal sealed record ScheduleAnnouncementCommand(ContentActor Actor, Guid Id, int? IfMatch, string PublishAt, string? ExpireAt) : ICommand<AnnouncementEditorView>;

/// <summary>Takes the announcement down.</summary>
internal sealed record ArchiveAnnouncementCommand(ContentActor Actor, Guid Id, int? IfMatch) : ICommand<AnnouncementEditorView>;

/// <summary>One announcement in any state, with workflow details.</summary>
internal sealed record GetAnnouncementForEditingQuery(ContentActor Actor, Guid Id) : IQuery<AnnouncementEditorView>;

/// <summary>The editorial list: any state, newest change first; <paramref name="BreakGlass"/> true lists alerts awaiting review.</summary>
internal sealed record ListAnnouncementsForEditingQuery(ContentActor Actor, AnnouncementStatus? Status, AnnouncementKind? Kind, bool? BreakGlass, string? Cursor, int? Limit)
    : IQuery<CursorPage<AnnouncementEditorSummary>>;
