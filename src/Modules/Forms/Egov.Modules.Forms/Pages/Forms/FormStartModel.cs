using Egov.Modules.Forms.Contracts;
using Egov.Modules.Forms.Features.Applications;
using Egov.Modules.Forms.Features.Catalog;
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

    /// <summary>
    /// What the "sign in and start" link asks for after the sign-in: a fresh start key. The link is the
    /// same for every anonymous visitor, so that the page can be shared from the read cache (ADR 0015).
    /// </summary>
    public const string NewStart = "new";

    /// <summary>
    /// Shows the form; with <paramref name="start"/> and a citizen signed in, starts the draft and
    /// goes to its first step: <c>new</c> (the link's value) first draws a start key and comes back
    /// with it; a GUID start key is the draft's idempotency key, so a reload lands in the same draft
    /// instead of a second one; any other value is ignored (the page shows as without it).
    /// </summary>
    public async Task<IActionResult> OnGetAsync(string key, string? start, CancellationToken cancellationToken)
    {
        Form = await sender.Send(new GetFormQuery(key, null), cancellationToken);
        CanFile = (await authorization.AuthorizeAsync(User, EgovPolicies.FileApplications)).Succeeded;
        if (CanFile && start == NewStart)
        {
            return Redirect($"/forms/{Uri.EscapeDataString(key)}?start={Guid.NewGuid():N}");
        }

        if (CanFile && Guid.TryParseExact(start, "N", out var startKey))
        {
            var created = await sender.Send(new CreateApplicationCommand(PortalApplicant.From(HttpContext), key, StartIdempotencyKey(startKey)), cancellationToken);
            return Redirect($"/applications/{created.Id}/edit");
        }

        return Page();
    }

    /// <summary>The address the sign-in returns to: this form with the start key.</summary>
    public string SignInReturnPath => $"/forms/{Form.Definition.Key}?start={NewStart}";

    private static string StartIdempotencyKey(Guid startKey) => $"portal-start-{startKey:N}";

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
