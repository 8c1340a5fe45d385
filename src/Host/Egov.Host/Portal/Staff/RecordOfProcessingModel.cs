using Egov.Host.DataProtection;
using Egov.Host.Portal.City;
using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Egov.Host.Portal.Staff;

/// <summary>
/// <c>/staff/record-of-processing</c>: the record of processing activities (Art. 30 GDPR) for administrators, the same
/// record <c>GET /api/v1/data-protection/record-of-processing</c> answers, generated from the configured forms, channels
/// and push (<see cref="RecordOfProcessing"/>).
/// </summary>
[Authorize(Policy = EgovPolicies.Administer)]
internal sealed class RecordOfProcessingModel(ISender sender, IOptions<CityOptions> city) : PageModel
{
    public RecordOfProcessingResponse Record { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Record = await RecordOfProcessing.BuildAsync(sender, city.Value, cancellationToken);
}
