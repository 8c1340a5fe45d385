using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Egov.Modules.Forms.Features.Receipts;

/// <summary>
/// The JSON Canonicalization Scheme of RFC 8785 (JCS): one exact byte sequence for a JSON value, so
/// that anyone can hash the same data and get the same result.
/// <list type="bullet">
/// <item>No whitespace between tokens.</item>
/// <item>Object members sorted by their names as arrays of UTF-16 code units (ordinal, not by
/// culture; RFC 8785 section 3.2.3), recursively; array order is kept.</item>
/// <item>Strings (names and values) written as ECMAScript <c>JSON.stringify</c> does (section
/// 3.2.2.2): <c>"</c> and <c>\</c> as <c>\"</c> and <c>\\</c>; U+0008, U+0009, U+000A, U+000C, U+000D
/// as <c>\b \t \n \f \r</c>; the other characters below U+0020 as <c>\u00xx</c> with lowercase hex;
/// every other character as itself (no <c>\/</c>, no escaping of non-ASCII).</item>
/// <item>Numbers as IEEE 754 doubles written as ECMAScript <c>Number.prototype.toString</c> does
/// (section 3.2.2.3): the shortest digits that read back to the same double, plain notation from
/// 1e-6 up to below 1e21 (<c>0.000001</c>, <c>4.5</c>, <c>295147905179352830000</c>), exponent
/// notation outside (<c>1e+21</c>, <c>9.999999999999997e-7</c>), <c>-0</c> as <c>0</c>.</item>
/// <item><c>true</c>, <c>false</c>, <c>null</c> as themselves. The result is encoded as UTF-8
/// without byte order mark.</item>
/// </list>
/// Input must be I-JSON (RFC 7493): duplicate member names, numbers that are not finite doubles
/// (e.g. <c>1e400</c>) and lone surrogates are refused with <see cref="ArgumentException"/>.
/// Integers beyond ±2^53 lose precision as doubles, as in every JCS implementation.
/// </summary>
internal static class CanonicalJson
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The canonical form of <paramref name="value"/> as UTF-8 bytes.</summary>
    /// <exception cref="ArgumentException">The value is not I-JSON (see the type's remarks).</exception>
    public static byte[] Serialize(JsonElement value)
    {
        var text = SerializeToString(value);
        try
        {
            return StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException("The JSON value contains a lone surrogate (RFC 8785 requires I-JSON).", nameof(value), e);
        }
    }

    /// <summary>The canonical form of <paramref name="value"/> as a string (before UTF-8 encoding).</summary>
    /// <exception cref="ArgumentException">The value is not I-JSON (see the type's remarks).</exception>
    public static string SerializeToString(JsonElement value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(builder, value);
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    Write(builder, item);
                }

                builder.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(builder, ReadString(value));
                break;
            case JsonValueKind.Number:
                builder.Append(FormatNumber(ReadDouble(value)));
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            case JsonValueKind.Null:
                builder.Append("null");
                break;
            default:
                throw new ArgumentException($"A JSON value of kind {value.ValueKind} cannot be canonicalised.", nameof(value));
        }
    }

    private static void WriteObject(StringBuilder builder, JsonElement value)
    {
        var members = value.EnumerateObject().ToList();
        members.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        builder.Append('{');
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                if (string.Equals(members[i - 1].Name, members[i].Name, StringComparison.Ordinal))
                {
                    throw new ArgumentException($"Duplicate member name \"{members[i].Name}\" (RFC 8785 requires I-JSON).", nameof(value));
                }

                builder.Append(',');
            }

            WriteString(builder, members[i].Name);
            builder.Append(':');
            Write(builder, members[i].Value);
        }

        builder.Append('}');
    }

    private static string ReadString(JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json refuses to decode an escaped lone surrogate such as "\ud800".
            throw new ArgumentException("The JSON value contains a lone surrogate (RFC 8785 requires I-JSON).", nameof(value), e);
        }
    }

    private static double ReadDouble(JsonElement value)
    {
        // System.Text.Json reads 1e400 as infinity rather than failing; I-JSON allows only finite doubles.
        var number = double.Parse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(number)
            ? number
            : throw new ArgumentException($"The number {value.GetRawText()} is not a finite IEEE 754 double (RFC 8785 requires I-JSON).", nameof(value));
    }

    /// <summary>RFC 8785 section 3.2.2.2: the escaping of ECMAScript <c>JSON.stringify</c>.</summary>
    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\t': builder.Append("\\t"); break;
                case '\n': builder.Append("\\n"); break;
                case '\f': builder.Append("\\f"); break;
                case '\r': builder.Append("\\r"); break;
                case < ' ':
                    builder.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        builder.Append('"');
    }

    /// <summary>
    /// RFC 8785 section 3.2.2.3: ECMAScript <c>Number.prototype.toString</c> (ECMA-262, Number::toString)
    /// of a finite double. .NET's round-trip format gives the same shortest digits; only the notation
    /// differs, so the digits and the decimal exponent are taken from it and laid out the ECMAScript way.
    /// </summary>
    /// <exception cref="ArgumentException">The number is NaN or infinite.</exception>
    public static string FormatNumber(double number)
    {
        if (!double.IsFinite(number))
        {
            throw new ArgumentException("NaN and infinity have no JSON form (RFC 8785 section 3.2.2.3).", nameof(number));
        }

        if (number == 0)
        {
            return "0"; // also -0
        }

        if (number < 0)
        {
            return "-" + FormatNumber(-number);
        }

        var (digits, n) = ShortestDigits(number);
        var k = digits.Length;
        if (k <= n && n <= 21)
        {
            return digits + new string('0', n - k);
        }

        if (0 < n && n <= 21)
        {
            return digits[..n] + "." + digits[n..];
        }

        if (-6 < n && n <= 0)
        {
            return "0." + new string('0', -n) + digits;
        }

        var exponent = n - 1;
        var sign = exponent < 0 ? "-" : "+";
        var mantissa = k == 1 ? digits : digits[..1] + "." + digits[1..];
        return mantissa + "e" + sign + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The shortest decimal digits d1…dk (no leading or trailing zeros) and the exponent n with
    /// number = 0.d1…dk × 10^n, as in ECMA-262's Number::toString.
    /// </summary>
    private static (string Digits, int N) ShortestDigits(double number)
    {
        var text = number.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point >= 0 ? text[..point] : text;
        var fraction = point >= 0 ? text[(point + 1)..] : "";
        var all = integerPart + fraction;
        var leadingZeros = all.Length - all.TrimStart('0').Length;
        var digits = all.Trim('0');
        var n = integerPart.Length - leadingZeros + exponent;
        return (digits, n);
    }
}
