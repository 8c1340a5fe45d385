using Egov.SharedKernel.DataProtection;
using Mediator;

namespace Egov.Modules.Outreach.Contracts;

/// <summary>
/// Cross-module query: every configured channel — enabled or not, webhooks included — with its
/// data-protection facts and its processing activity worded by Outreach, for the record of processing
/// activities (Art. 30 GDPR). Unlike <see cref="ListOfficialChannelRegisterQuery"/> (the public register) it
/// leaves nothing out. Credentials and limits never leave the module.
/// </summary>
public sealed record ListChannelProcessingQuery : IQuery<IReadOnlyList<ChannelProcessing>>;

/// <summary>
/// Cross-module query: Outreach's section of the privacy notice (Art. 13 GDPR, <c>/datenschutz</c>, anchor
/// <c>kanaele</c>) in German and English — the legal basis of the city's social media presence, joint
/// controllership with the platforms, and one item per channel of the official-channel register
/// (<see cref="ListOfficialChannelRegisterQuery"/>: name, the unit that runs it, the joint-controllership note).
/// </summary>
public sealed record GetChannelsPrivacyNoticeQuery : IQuery<PrivacyNoticeSection>;

/// <summary>One configured channel as the record of processing lists it.</summary>
/// <param name="Kind">One of <see cref="OutreachChannelKinds"/>.</param>
/// <param name="Name">The channel's display name.</param>
/// <param name="Enabled">Whether posts go out through it now.</param>
/// <param name="CrisisCapable">Whether crisis alerts fan out to it.</param>
/// <param name="RunBy">The organisational unit that answers for it.</param>
/// <param name="DataProtectionAssessed">Whether the data-protection impact assessment (Art. 35 GDPR) is done.</param>
/// <param name="DataProtectionAssessedOn">The calendar date it was concluded; null when none is recorded.</param>
/// <param name="JointControllershipNote">The note on joint controllership with the platform (Art. 26 GDPR), when recorded.</param>
/// <param name="Activity">The channel's processing activity as the record of processing lists it (German).</param>
public sealed record ChannelProcessing(
    string Kind, string Name, bool Enabled, bool CrisisCapable, string RunBy, bool DataProtectionAssessed, DateOnly? DataProtectionAssessedOn, string? JointControllershipNote,
    ProcessingActivity Activity);
