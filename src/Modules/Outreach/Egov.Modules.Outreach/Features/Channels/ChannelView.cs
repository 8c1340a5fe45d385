using Egov.Modules.Outreach.Domain.Channels;

namespace Egov.Modules.Outreach.Features.Channels;

/// <summary>A channel as the API shows it. Credentials are never shown, only whether they are set and since when.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>limits</c>: The platform's limits and where they came from (<c>instance</c>: read from the platform at <c>readAt</c>; <c>platform</c>: documented values).</item>
/// <item><c>acknowledgementTexts</c>: the acknowledgement policy's approved texts (answers that need no second person); empty: none.</item>
/// <item><c>retirement</c>: when, by whom and why the channel was retired, and its farewell post; null while it is served.</item>
/// </list>
/// </remarks>
internal sealed record ChannelView(
    Guid Id,
    string Kind,
    string Name,
    bool Enabled,
    bool CrisisCapable,
    string OwningUnit,
    string? Address,
    string? Account,
    bool HasCredentials,
    DateTimeOffset? CredentialsChangedAt,
    DataProtectionInput DataProtection,
    bool RequiresImprintLink,
    string CrossPostPolicy,
    ChannelLimits Limits,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version,
    IReadOnlyList<string> AcknowledgementTexts,
    ChannelRetirementView? Retirement)
{
    public static ChannelView From(Channel c) => new(
        c.Id, c.Kind, c.Name, c.Enabled, c.CrisisCapable, c.OwningUnit, c.Address, c.Account,
        c.ProtectedCredentials is not null, c.CredentialsChangedAt,
        new DataProtectionInput(c.AssessmentDone, c.AssessedOn, c.JointControllershipNote),
        c.RequiresImprintLink, c.CrossPostPolicy.ToString(), c.Limits, c.CreatedAt, c.UpdatedAt, c.Version,
        c.AcknowledgementTexts,
        c.RetiredAt is { } at ? new ChannelRetirementView(at, c.RetiredBy!, c.RetiredByName!, c.RetirementReason!, c.FarewellPostId) : null);
}

/// <summary>The record of a channel's retirement (exit kit, ADR 0027).</summary>
/// <param name="RetiredAt">When (UTC).</param>
/// <param name="RetiredBy">The administrator's subject.</param>
/// <param name="RetiredByName">Their display name.</param>
/// <param name="Reason">Why the channel was given up.</param>
/// <param name="FarewellPostId">The farewell post (through the normal approval), or null when none was drafted.</param>
internal sealed record ChannelRetirementView(DateTimeOffset RetiredAt, string RetiredBy, string RetiredByName, string Reason, Guid? FarewellPostId);
