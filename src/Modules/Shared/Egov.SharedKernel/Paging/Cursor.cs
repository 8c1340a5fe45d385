using System.Buffers.Text;
using System.Text.Json;
using Egov.SharedKernel.Errors;

namespace Egov.SharedKernel.Paging;

/// <summary>
/// Encodes and decodes opaque keyset cursors: the sort key of the last item of a page, serialised
/// as JSON and Base64url-encoded (RFC 4648 §5), so that it travels unescaped in a query string.
/// </summary>
public static class Cursor
{
    /// <summary>Largest page size any list accepts.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Page size used when the client names none.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>Encodes <paramref name="position"/> (a record holding the sort key) as a cursor.</summary>
    public static string Encode<TPosition>(TPosition position) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(position));

    /// <summary>
    /// Decodes a cursor made by <see cref="Encode{TPosition}"/>; <c>null</c> or empty means "first page".
    /// </summary>
    /// <exception cref="RequestValidationException">The cursor was not made by this list (field <c>cursor</c>).</exception>
    public static TPosition? Decode<TPosition>(string? cursor)
        where TPosition : class
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<TPosition>(Base64Url.DecodeFromChars(cursor))
                ?? throw new JsonException("empty cursor");
        }
        catch (Exception ex) when (ex is FormatException or JsonException or NotSupportedException)
        {
            throw new RequestValidationException("cursor", "The cursor is not valid for this list; start again without one.");
        }
    }
}
