using Egov.Modules.Outreach.Contracts;
using Mediator;

namespace Egov.Modules.Outreach.Features.OfficialChannels;

/// <summary>The register for other modules and the host: the module's own list (<see cref="ListOfficialChannelsQuery"/>) in the Contracts shape.</summary>
internal sealed class ListOfficialChannelRegisterHandler(ISender sender) : IQueryHandler<ListOfficialChannelRegisterQuery, IReadOnlyList<OfficialChannelEntry>>
{
    public async ValueTask<IReadOnlyList<OfficialChannelEntry>> Handle(ListOfficialChannelRegisterQuery query, CancellationToken cancellationToken)
    {
        var channels = await sender.Send(new ListOfficialChannelsQuery(), cancellationToken);
        return [.. channels.Select(c => new OfficialChannelEntry(c.Kind, c.Name, c.ProfileUrl, c.Purpose, c.RunBy, c.DataProtectionAssessedOn, c.JointControllershipNote))];
    }
}
