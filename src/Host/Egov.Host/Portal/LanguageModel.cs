using Egov.SharedKernel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egov.Host.Portal;

/// <summary>The language switch: stores the choice in a cookie (a year) and returns to the page.</summary>
/// <remarks>
/// Without an antiforgery token, so that the layout's switch carries nothing visitor-specific and
/// anonymous pages can be shared from the read cache (ADR 0015): a forged request can only change
/// the display language, and the return address is always local.
/// </remarks>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
internal sealed class LanguageModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string? language, string? returnUrl)
    {
        if (language is not null && PortalText.Languages.Contains(language))
        {
            Response.Cookies.Append(
                PortalExtensions.LanguageCookie,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    HttpOnly = true,
                    Secure = Request.IsHttps,
                    SameSite = SameSiteMode.Lax,
                    IsEssential = true,
                });
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
