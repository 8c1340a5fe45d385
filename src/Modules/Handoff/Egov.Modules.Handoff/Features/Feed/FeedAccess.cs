using System.Security.Claims;
using Egov.Modules.Handoff.Domain;
using Egov.Modules.Handoff.Features.Handoffs;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Security;

namespace Egov.Modules.Handoff.Features.Feed;

/// <summary>The service account reading a pull target's feed, as the token names it (normalised <c>sub</c> and <c>iss</c>).</summary>
internal sealed record FeedReader(string Subject, string? Issuer, bool HasRealm)
{
    public static FeedReader Of(ClaimsPrincipal user) => new(
        user.FindFirstValue(EgovClaimTypes.Subject) ?? "",
        user.FindFirstValue(EgovClaimTypes.Issuer),
        user.HasClaim(c => c.Type == EgovClaimTypes.Realm));
}

/// <summary>
/// Who may read a feed: only the pull target's own service account — a client-credentials token
/// (no citizen or staff realm) whose <c>sub</c> is the target's <c>ClientSubject</c> and, when set, whose
/// issuer is its <c>ClientIssuer</c>. Anyone else is told the feed does not exist (404), so target keys do not leak.
/// </summary>
internal static class FeedAccess
{
    /// <exception cref="NotFoundException">No such pull target, or not this caller's.</exception>
    public static HandoffTargetOptions Authorize(HandoffTargets targets, string targetKey, FeedReader reader)
    {
        var target = targets.Find(targetKey);
        if (target is not { Kind: HandoffTargetKind.Pull }
            || reader.HasRealm
            || !string.Equals(target.ClientSubject, reader.Subject, StringComparison.Ordinal)
            || (target.ClientIssuer is not null && !string.Equals(target.ClientIssuer.TrimEnd('/'), reader.Issuer?.TrimEnd('/'), StringComparison.Ordinal)))
        {
            throw new NotFoundException($"There is no feed '{targetKey}' for this client.");
        }

        return target;
    }
}
