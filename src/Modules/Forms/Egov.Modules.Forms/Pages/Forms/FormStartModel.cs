using Egov.Modules.Forms.Contracts;
using Egov.Modules.Forms.Features.Applications;
using Egov.Modules.Forms.Features.FormDocuments;
using Egov.Modules.Forms.Features.GetForm;
using Egov.SharedKernel.Reads;
using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egov.Modules.Forms.Pages.Forms;

/// <summary>
/// A form's start page: what it is for, fee and deadline (public), and the button that starts a
/// draft (citizens only: anyone else is sent to the login first).
/// </summary>
[AllowAnonymous]
[CachePublicPage(FormReadRegion.Name)]
internal sealed class FormStartModel(ISender sender, IAuthorizationService authorization) : PageModel
{
    public FormVersionResponse Form { get; private set; } = null!;

    public bool CanFile { get; private set; }

    public async Task OnGetAsync(string key, CancellationToken cancellationToken)
    {
        Form = await sender.Send(new GetFormQuery(key, null), cancellationToken);
        CanFile = (await authorization.AuthorizeAsync(User, EgovPolicies.FileApplications)).Succeeded;
    }

    public async Task<IActionResult> OnPostAsync(string key, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, EgovPolicies.FileApplications)).Succeeded)
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge(new Microsoft.AspNetCore.Authentication.AuthenticationProperties { RedirectUri = $"/forms/{key}" });
        }

        var created = await sender.Send(new CreateApplicationCommand(PortalApplicant.From(HttpContext), key, idempotencyKey), cancellationToken);
        return Redirect($"/applications/{created.Id}/edit");
    }
}
