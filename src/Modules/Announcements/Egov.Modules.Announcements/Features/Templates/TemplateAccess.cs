using Egov.Modules.Announcements.Domain;
using Egov.SharedKernel.Errors;

namespace Egov.Modules.Announcements.Features.Templates;

/// <summary>Who may read and write crisis templates (approving and issuing check their own role).</summary>
internal static class TemplateAccess
{
    public static void EnsureMayRead(ContentActor actor)
    {
        if (!actor.IsEditor && !actor.IsApprover && !actor.IsCrisisManager)
        {
            throw new ForbiddenException("Crisis templates are for Editors, Approvers and CrisisManagers.");
        }
    }

    public static void EnsureMayWrite(ContentActor actor)
    {
        if (!actor.IsEditor && !actor.IsCrisisManager)
        {
            throw new ForbiddenException("Writing crisis templates needs the Editor or CrisisManager role.");
        }
    }
}
