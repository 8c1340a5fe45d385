using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace Egov.Host.Identity;

/// <summary>
/// Reads the <c>iss</c> claim of a signed JWT in compact serialisation (RFC 7519 §4.1.1, RFC 7515
/// §7.1: <c>header.payload.signature</c>, each part base64url) without validating anything: only to
/// pick which issuer's bearer scheme then validates the token, issuer included. Parsing the whole
/// token with <c>JsonWebTokenHandler</c> for this cost a few per cent of every API request's CPU
/// (it builds the claim set and tries each claim value as a date).
/// </summary>
internal static class JwtIssuer
{
    /// <summary>A payload larger than this (base64url characters) is not read here.</summary>
    private const int MaxPayloadChars = 16 * 1024;

    private const int StackBytes = 1024;

    /// <summary>
    /// The top-level <c>iss</c> string of the token's payload; null for anything else: no or a
    /// non-string <c>iss</c>, an encrypted token (JWE, five parts), not base64url, not a JSON object.
    /// Never throws.
    /// </summary>
    public static string? Read(ReadOnlySpan<char> token)
    {
        var firstDot = token.IndexOf('.');
        if (firstDot < 0)
        {
            return null;
        }

        var rest = token[(firstDot + 1)..];
        var secondDot = rest.IndexOf('.');
        if (secondDot < 0 || rest[(secondDot + 1)..].Contains('.'))
        {
            return null;
        }

        var payload = rest[..secondDot];
        if (payload.Length is 0 or > MaxPayloadChars)
        {
            return null;
        }

        var length = Base64Url.GetMaxDecodedLength(payload.Length);
        byte[]? rented = null;
        var buffer = length <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            if (Base64Url.DecodeFromChars(payload, buffer, out _, out var written) != OperationStatus.Done)
            {
                return null;
            }

            return IssuerOf(buffer[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static string? IssuerOf(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isIssuer = reader.ValueTextEquals("iss"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isIssuer)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
