using Egov.Modules.Outreach.Domain.Posts;
using Egov.SharedKernel.Errors;

namespace Egov.Modules.Outreach.Features.Deliveries;

/// <summary>Who may read deliveries and who may steer them (retry, confirm, cancel).</summary>
internal static class DeliveryAccess
{
    /// <exception cref="ForbiddenException">None of the roles that read deliveries.</exception>
    public static void EnsureStaff(OutreachActor actor)
    {
        if (!(actor.IsEditor || actor.IsApprover || actor.IsCrisisManager || actor.IsAdministrator))
        {
            throw new ForbiddenException("Deliveries are for the Editor, Approver, CrisisManager and Administrator roles.");
        }
    }

    /// <exception cref="ForbiddenException">None of the roles that steer deliveries.</exception>
    public static void EnsureMaySteer(OutreachActor actor)
    {
        if (!(actor.IsEditor || actor.IsApprover || actor.IsCrisisManager))
        {
            throw new ForbiddenException("Deliveries are retried, confirmed or cancelled by Editors, Approvers or CrisisManagers.");
        }
    }
}
