using System.Globalization;
using System.Text;
using System.Text.Json;
using Egov.Modules.Forms.Features.Receipts;

namespace Egov.Modules.Forms.Tests.Receipts;

/// <summary>RFC 8785 (JCS) against the RFC's own examples.</summary>
public sealed class CanonicalJsonTests
{
    /// <summary>RFC 8785 Appendix B: IEEE 754 doubles (as hex bits) and their ECMAScript serialisation.</summary>
    [Theory]
    [InlineData("0000000000000000", "0")]
    [InlineData("8000000000000000", "0")]
    [InlineData("0000000000000001", "5e-324")]
    [InlineData("8000000000000001", "-5e-324")]
    [InlineData("7fefffffffffffff", "1.7976931348623157e+308")]
    [InlineData("ffefffffffffffff", "-1.7976931348623157e+308")]
    [InlineData("4340000000000000", "9007199254740992")]
    [InlineData("c340000000000000", "-9007199254740992")]
    [InlineData("4430000000000000", "295147905179352830000")]
    [InlineData("44b52d02c7e14af5", "9.999999999999997e+22")]
    [InlineData("44b52d02c7e14af6", "1e+23")]
    [InlineData("44b52d02c7e14af7", "1.0000000000000001e+23")]
    [InlineData("444b1ae4d6e2ef4e", "999999999999999700000")]
    [InlineData("444b1ae4d6e2ef4f", "999999999999999900000")]
    [InlineData("444b1ae4d6e2ef50", "1e+21")]
    [InlineData("3eb0c6f7a0b5ed8c", "9.999999999999997e-7")]
    [InlineData("3eb0c6f7a0b5ed8d", "0.000001")]
    [InlineData("41b3de4355555553", "333333333.3333332")]
    [InlineData("41b3de4355555554", "333333333.33333325")]
    [InlineData("41b3de4355555555", "333333333.3333333")]
    [InlineData("41b3de4355555556", "333333333.3333334")]
    [InlineData("41b3de4355555557", "333333333.33333343")]
    [InlineData("becbf647612f3696", "-0.0000033333333333333333")]
    [InlineData("43143ff3c1cb0959", "1424953923781206.2")]
    public void FormatNumber_WithRfc8785AppendixBValues_WritesTheEcmaScriptForm(string ieeeHex, string expected)
    {
        var number = BitConverter.Int64BitsToDouble(long.Parse(ieeeHex, NumberStyles.HexNumber, CultureInfo.InvariantCulture));

        Assert.Equal(expected, CanonicalJson.FormatNumber(number));
    }

    [Theory]
    [InlineData("7fffffffffffffff")] // NaN
    [InlineData("7ff0000000000000")] // Infinity
    public void FormatNumber_WithNaNOrInfinity_Throws(string ieeeHex)
    {
        var number = BitConverter.Int64BitsToDouble(long.Parse(ieeeHex, NumberStyles.HexNumber, CultureInfo.InvariantCulture));

        Assert.Throws<ArgumentException>(() => CanonicalJson.FormatNumber(number));
    }

    /// <summary>RFC 8785 section 3.2.3: the sample input and its canonical output, and its UTF-8 bytes (section 3.2.4).</summary>
    [Fact]
    public void Serialize_WithRfc8785Sample_GivesTheRfcOutput()
    {
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;
        const string expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        const string expectedHex =
            "7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c226e756d62657273223a5b3333333333333333332e"
            + "333333333333332c31652b33302c342e352c302e3030322c31652d32375d2c22737472696e67223a22e282ac245c753030"
            + "30665c6e4127425c225c5c5c5c5c222f227d";

        using var document = JsonDocument.Parse(input);
        var bytes = CanonicalJson.Serialize(document.RootElement);

        Assert.Equal(expected, CanonicalJson.SerializeToString(document.RootElement));
        Assert.Equal(expectedHex, Convert.ToHexStringLower(bytes));
    }

    /// <summary>RFC 8785 section 3.2.3: members sorted by UTF-16 code units, not by code points or culture.</summary>
    [Fact]
    public void Serialize_WithRfc8785SortingSample_SortsByUtf16CodeUnits()
    {
        const string input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;

        using var document = JsonDocument.Parse(input);
        using var canonical = JsonDocument.Parse(CanonicalJson.Serialize(document.RootElement));

        Assert.Equal(
            ["Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign", "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh"],
            canonical.RootElement.EnumerateObject().Select(p => p.Value.GetString()));
        Assert.StartsWith("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\"", CanonicalJson.SerializeToString(document.RootElement), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_WithEveryControlCharacter_EscapesAsJsonStringifyDoes()
    {
        var all = new string([.. Enumerable.Range(0, 0x20).Select(i => (char)i)]) + "\u007f\u2028/<>&\"\\";
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(all));

        var canonical = CanonicalJson.SerializeToString(document.RootElement);

        Assert.Equal(
            "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f"
            + "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f"
            + "\u007f\u2028/<>&\\\"\\\\\"",
            canonical);
    }

    [Fact]
    public void Serialize_WithNestedStructuresAndWhitespace_SortsRecursivelyAndKeepsArrayOrder()
    {
        using var document = JsonDocument.Parse("""{ "b": [ {"z": 1, "a": 2.50}, 3 ], "a": { "y": "ü", "x": null } }""");

        Assert.Equal("""{"a":{"x":null,"y":"ü"},"b":[{"a":2.5,"z":1},3]}""", CanonicalJson.SerializeToString(document.RootElement));
        Assert.Equal(Encoding.UTF8.GetBytes("""{"a":{"x":null,"y":"ü"},"b":[{"a":2.5,"z":1},3]}"""), CanonicalJson.Serialize(document.RootElement));
    }

    [Theory]
    [InlineData("""{"a":1,"a":2}""")]
    [InlineData("""{"big":1e400}""")]
    [InlineData("""{"lone":"\ud800"}""")]
    public void Serialize_WithInputThatIsNotIJson_Throws(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.ThrowsAny<ArgumentException>(() => CanonicalJson.Serialize(document.RootElement));
    }
}
