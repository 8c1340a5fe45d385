using Egov.Host.Portal.City;
using Egov.SharedKernel.Reads;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Egov.Host.Portal.Legal;

/// <summary>
/// The legal pages a public body's site must have, written from <see cref="CityOptions"/>: the imprint
/// (<c>/impressum</c>, § 5 DDG, § 18 MStV), the accessibility statement (<c>/barrierefreiheit</c>,
/// § 7 BITV 2.0), and the start-page information in Leichte Sprache (<c>/leichte-sprache</c>) and in
/// German Sign Language (<c>/gebaerdensprache</c>), both asked for by § 4 BITV 2.0. Anonymous.
/// </summary>
[AllowAnonymous]
[CachePublicPage]
internal sealed class LegalPageModel(IOptions<CityOptions> city) : PageModel
{
    /// <summary>The city's identity and legal facts.</summary>
    public CityOptions City => city.Value;
}
