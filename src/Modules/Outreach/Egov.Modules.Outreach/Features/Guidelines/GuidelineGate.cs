using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Guidelines;

/// <summary>
/// The guidelines gate: who drafts or approves posts in the city's name must have acknowledged the
/// guideline version in force. Otherwise 403 with <c>code: guidelines-not-acknowledged</c> and the
/// version to acknowledge.
/// </summary>
internal sealed class GuidelineGate(OutreachDbContext db)
{
    public const string NotAcknowledgedCode = "guidelines-not-acknowledged";

    /// <summary>The version in force, after checking that <paramref name="actor"/> acknowledged it.</summary>
    /// <param name="actor">Who wants to act.</param>
    /// <param name="action">What they want to do, for the message, e.g. "draft posts".</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ForbiddenException">No acknowledgement of the version in force, or no guidelines at all.</exception>
    public async Task<int> EnsureAcknowledgedAsync(OutreachActor actor, string action, CancellationToken cancellationToken)
    {
        var current = await db.Guidelines.MaxAsync(g => (int?)g.Version, cancellationToken);
        if (current is null)
        {
            throw Refuse($"No social-media guidelines are in force yet; an administrator publishes them before anyone may {action}.", null);
        }

        var acknowledged = await db.GuidelineAcknowledgements.AnyAsync(a => a.GuidelineVersion == current && a.Subject == actor.Subject, cancellationToken);
        return acknowledged
            ? current.Value
            : throw Refuse($"Acknowledge the social-media guidelines in force (version {current}) before you {action}: read them, then POST /api/v1/outreach/guidelines/{current}/acknowledge.", current);
    }

    private static ForbiddenException Refuse(string detail, int? version)
    {
        var exception = new ForbiddenException(detail);
        exception.Extensions["code"] = NotAcknowledgedCode;
        exception.Extensions["guidelineVersion"] = version;
        return exception;
    }
}
