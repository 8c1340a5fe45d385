using Egov.Modules.Outreach.Domain.Channels;

namespace Egov.Modules.Outreach.Features.Channels;

/// <summary>A channel as the API shows it. Credentials are never shown, only whether they are set and since when.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>limits</c>: The platform's limits and where they came from (<c>instance</c>: read from the platform at <c>readAt</c>; <c>platform</c>: documented values).</item>
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
    int Version)
{
    public static ChannelView From(Channel c) => new(
        c.Id, c.Kind, c.Name, c.Enabled, c.CrisisCapable, c.OwningUnit, c.Address, c.Account,
        c.ProtectedCredentials is not null, c.CredentialsChangedAt,
        new DataProtectionInput(c.AssessmentDone, c.AssessedOn, c.JointControllershipNote),
        c.RequiresImprintLink, c.CrossPostPolicy.ToString(), c.Limits, c.CreatedAt, c.UpdatedAt, c.Version);
}
