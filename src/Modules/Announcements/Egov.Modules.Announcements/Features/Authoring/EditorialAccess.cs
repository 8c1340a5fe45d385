using Egov.Modules.Announcements.Domain;
using Egov.SharedKernel.Errors;

namespace Egov.Modules.Announcements.Features.Authoring;

/// <summary>Who may read, write and release announcements (roles checked per action; see docs/modules/announcements.md, "Who may do what").</summary>
internal static class EditorialAccess
{
    /// <summary>Drafts and the review list are for the editorial roles (Editor, Approver, CrisisManager) only.</summary>
    /// <returns>Always null (so it can stand in an expression).</returns>
    public static AnnouncementEditorView? EnsureMayRead(ContentActor actor) =>
        actor.IsEditor || actor.IsApprover || actor.IsCrisisManager
            ? null
            : throw new ForbiddenException("Drafts and the editorial lists are for editors, the press office and the crisis team.");

    /// <summary>Editors write everything; a CrisisManager writes alerts.</summary>
    public static void EnsureMayWrite(ContentActor actor, AnnouncementKind kind)
    {
        if (!actor.IsEditor && !(kind == AnnouncementKind.Alert && actor.IsCrisisManager))
        {
            throw new ForbiddenException(kind == AnnouncementKind.Alert
                ? "Writing alerts needs the Editor or CrisisManager role."
                : "Writing announcements needs the Editor role.");
        }
    }

    /// <summary>Editors and Approvers publish, schedule and archive; a CrisisManager alerts.</summary>
    public static void EnsureMayRelease(ContentActor actor, AnnouncementKind kind)
    {
        if (!actor.IsEditor && !actor.IsApprover && !(kind == AnnouncementKind.Alert && actor.IsCrisisManager))
        {
            throw new ForbiddenException("Publishing needs the Editor or Approver role (alerts: also CrisisManager).");
        }
    }
}
