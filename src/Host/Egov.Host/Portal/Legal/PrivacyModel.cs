using Egov.Host.Portal.City;
using Egov.Modules.Forms.Contracts;
using Egov.Modules.Mobile.Contracts;
using Egov.Modules.Outreach.Contracts;
using Egov.SharedKernel.DataProtection;
using Egov.SharedKernel.Reads;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Egov.Host.Portal.Legal;

/// <summary>
/// <c>/datenschutz</c>: the privacy notice (Art. 13 GDPR). The controller, its data protection officer
/// and the supervisory authority come from <see cref="CityOptions"/>; the processings are the modules'
/// sections, worded by each module from what is configured — every published form (purpose, recipient
/// department, retention from the form version), every official channel and the app's push messages — so
/// the notice follows the installation. The host writes only what is its own: visits, cookies, rights.
/// </summary>
[AllowAnonymous]
[CachePublicPage(FormReadRegion.Name, OfficialChannelReadRegion.Name)]
internal sealed class PrivacyModel(ISender sender, IOptions<CityOptions> city) : PageModel
{
    public CityOptions City => city.Value;

    /// <summary>The modules' sections, each worded by its module: online applications, social media channels, push messages.</summary>
    public IReadOnlyList<PrivacyNoticeSection> Sections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Sections =
        [
            await sender.Send(new GetFormsPrivacyNoticeQuery(), cancellationToken),
            await sender.Send(new GetChannelsPrivacyNoticeQuery(), cancellationToken),
            await sender.Send(new GetPushPrivacyNoticeQuery(), cancellationToken),
        ];
}
