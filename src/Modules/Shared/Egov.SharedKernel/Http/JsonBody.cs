using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Egov.SharedKernel.Http;

/// <summary>
/// A JSON request body read by an endpoint itself (one that also takes another content type, so it
/// cannot bind the body), with the host's JSON options and the same errors as minimal-API binding.
/// </summary>
public static class JsonBody
{
    /// <summary>
    /// The body as <typeparamref name="T"/> (null for a JSON <c>null</c>). A body that is not such JSON —
    /// malformed or truncated, the wrong type for a member, deeper than 64 levels, not UTF-8 without a
    /// charset, refused text (see <c>InputText</c>) — is a <see cref="BadHttpRequestException"/> 400 wrapping
    /// the <see cref="JsonException"/>, which the host's exception handler turns into a problem naming the
    /// field; an unknown charset is a 415.
    /// </summary>
    public static async Task<T?> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await request.ReadFromJsonAsync<T>(cancellationToken);
        }
        catch (JsonException exception)
        {
            throw new BadHttpRequestException("The body is not the JSON expected here.", StatusCodes.Status400BadRequest, exception);
        }
        catch (InvalidOperationException exception) when (exception.InnerException is ArgumentException)
        {
            // ReadFromJsonAsync's wording for a charset that names no known encoding.
            throw new BadHttpRequestException(exception.Message, StatusCodes.Status415UnsupportedMediaType, exception);
        }
    }
}
