using Mediator;

namespace Egov.Modules.Outreach.Features.OfficialChannels;

/// <summary>The enabled public channels of the city, by name (anonymous).</summary>
internal sealed record ListOfficialChannelsQuery : IQuery<IReadOnlyList<OfficialChannel>>;
