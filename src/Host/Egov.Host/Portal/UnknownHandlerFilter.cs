using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Egov.Host.Portal;

/// <summary>
/// A form post to a handler the page does not have (<c>?handler=Nonsense</c>, or a plain post to a
/// page that only has named handlers) is answered 400. Without this, Razor Pages runs no handler
/// and renders the page unloaded, which ends in a 500 (or a page that pretends the post was taken).
/// A GET keeps the framework's behaviour: an unknown handler falls back to <c>OnGet</c>.
/// </summary>
internal sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null && !HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            context.Result = new BadRequestResult();
            return Task.CompletedTask;
        }

        return next();
    }
}
