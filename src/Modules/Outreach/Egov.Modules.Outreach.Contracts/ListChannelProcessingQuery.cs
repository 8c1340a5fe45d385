using Mediator;

namespace Egov.Modules.Outreach.Contracts;

/// <summary>
/// Cross-module query: every configured channel — enabled or not, webhooks included — with its
/// data-protection facts, for the record of processing activities (Art. 30 GDPR). Unlike
/// <see cref="ListOfficialChannelRegisterQuery"/> (the public register) it leaves nothing out.
/// Credentials and limits never leave the module.
/// </summary>
public sealed record ListChannelProcessingQuery : IQuery<IReadOnlyList<ChannelProcessing>>;

/// <summary>One configured channel as the record of processing lists it.</summary>
/// <param name="Kind">One of <see cref="OutreachChannelKinds"/>.</param>
/// <param name="Name">The channel's display name.</param>
/// <param name="Enabled">Whether posts go out through it now.</param>
/// <param name="CrisisCapable">Whether crisis alerts fan out to it.</param>
/// <param name="RunBy">The organisational unit that answers for it.</param>
/// <param name="DataProtectionAssessed">Whether the data-protection impact assessment (Art. 35 GDPR) is done.</param>
/// <param name="DataProtectionAssessedOn">The calendar date it was concluded; null when none is recorded.</param>
/// <param name="JointControllershipNote">The note on joint controllership with the platform (Art. 26 GDPR), when recorded.</param>
public sealed record ChannelProcessing(
    string Kind, string Name, bool Enabled, bool CrisisCapable, string RunBy, bool DataProtectionAssessed, DateOnly? DataProtectionAssessedOn, string? JointControllershipNote);
