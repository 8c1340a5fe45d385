using Egov.Host.Portal.City;
using Egov.Modules.Forms.Contracts;
using Egov.Modules.Outreach.Contracts;
using Egov.SharedKernel.Reads;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Egov.Host.Portal.Legal;

/// <summary>
/// <c>/datenschutz</c>: the privacy notice (Art. 13 GDPR). The controller, its data protection officer
/// and the supervisory authority come from <see cref="CityOptions"/>; the processings are listed from
/// what is configured — every published form (purpose, recipient department, retention from the form
/// version), every official channel and the app's push messages — so the notice follows the installation.
/// </summary>
[AllowAnonymous]
[CachePublicPage(FormReadRegion.Name, OfficialChannelReadRegion.Name)]
internal sealed class PrivacyModel(ISender sender, IOptions<CityOptions> city) : PageModel
{
    public CityOptions City => city.Value;

    public IReadOnlyList<FormProcessing> Forms { get; private set; } = [];

    public IReadOnlyList<OfficialChannelEntry> Channels { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Forms = await sender.Send(new ListFormProcessingQuery(), cancellationToken);
        Channels = await sender.Send(new ListOfficialChannelRegisterQuery(), cancellationToken);
    }
}
