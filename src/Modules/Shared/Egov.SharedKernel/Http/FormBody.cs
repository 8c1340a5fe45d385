using Microsoft.AspNetCore.Http;

namespace Egov.SharedKernel.Http;

/// <summary>
/// A form body read by an endpoint itself (the API's uploads, which read the form rather than bind it
/// so that bearer-token calls need no antiforgery token), with the errors binding would give.
/// </summary>
public static class FormBody
{
    /// <summary>
    /// The form. A body that is no readable form — a multipart body cut short or without its closing
    /// boundary, a boundary that never occurs, over the form limits — is a <see cref="BadHttpRequestException"/> 400.
    /// </summary>
    public static async Task<IFormCollection> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException && exception is not BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // FormFeature's wording ("Unexpected end of Stream", "Multipart body length limit exceeded", …) says what is wrong.
            throw new BadHttpRequestException($"The form body is not readable: {exception.Message.Trim()}", StatusCodes.Status400BadRequest, exception);
        }
    }
}
