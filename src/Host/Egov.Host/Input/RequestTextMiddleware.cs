using Egov.Host.Portal;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Text;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Egov.Host.Input;

/// <summary>
/// The query string and path of machine requests (<c>/api</c>, feeds; not portal pages, which name the
/// field in their own forms) under <see cref="InputText"/>: a name or value with a control character
/// is a 400 problem naming the parameter (<c>path</c> for the path); accepted values are brought to
/// NFC before binding. Percent-encoded bytes that are no UTF-8 were already replaced by U+FFFD when
/// the query was decoded, so lone surrogates cannot arrive this way. A body whose <c>charset</c>
/// names no encoding is a 415 here, before binding fails on it in a way that would be a 500.
/// </summary>
internal sealed class RequestTextMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (PortalRequests.IsMachinePath(request.Path))
        {
            if (InputText.Problem(request.Path.Value ?? "") is { } pathProblem)
            {
                throw new RequestValidationException("path", pathProblem);
            }

            if (request.QueryString.HasValue)
            {
                Check(request);
            }

            if (MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) && mediaType.Charset.HasValue
                && !IsKnownEncoding(HeaderUtilities.RemoveQuotes(mediaType.Charset).Value!))
            {
                throw new BadHttpRequestException(
                    $"The charset '{mediaType.Charset}' names no known encoding; send UTF-8.", StatusCodes.Status415UnsupportedMediaType);
            }
        }

        return next(context);
    }

    private static bool IsKnownEncoding(string charset)
    {
        try
        {
            _ = System.Text.Encoding.GetEncoding(charset);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Check(HttpRequest request)
    {
        var normalized = false;
        foreach (var (name, values) in request.Query)
        {
            if (InputText.Problem(name) is { } nameProblem)
            {
                throw new RequestValidationException("query", $"A parameter name: {nameProblem}");
            }

            foreach (var value in values)
            {
                if (InputText.Problem(value ?? "") is { } problem)
                {
                    throw new RequestValidationException(name, problem);
                }

                normalized |= value is not null && InputText.Normalize(value) != value;
            }

            normalized |= InputText.Normalize(name) != name;
        }

        if (normalized)
        {
            request.Query = new QueryCollection(request.Query.ToDictionary(
                q => InputText.Normalize(q.Key),
                q => new StringValues([.. q.Value.Select(v => v is null ? null : InputText.Normalize(v))]),
                StringComparer.OrdinalIgnoreCase));
        }
    }
}
