using System.Text.Json;
using System.Text.Json.Serialization;
using Egov.SharedKernel.Text;

namespace Egov.Host.Input;

/// <summary>
/// Every string (and dictionary key) of every request body bound by minimal APIs: refused when
/// <see cref="InputText.Problem(string)"/> finds a control character or a lone surrogate, else
/// brought to NFC. Writing is unchanged.
/// </summary>
internal sealed class InputTextJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            // Without a message System.Text.Json says "could not be converted to System.String" and adds the path.
            throw new JsonException();
        }

        return Accepted(ref reader);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Accepted(ref reader);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string Accepted(ref Utf8JsonReader reader)
    {
        string value;
        try
        {
            value = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader refuses to unescape a lone surrogate (\ud800) into a string.
            throw new InputTextJsonException("Contains a lone UTF-16 surrogate escape (\\ud800–\\udfff without its pair), which is no character.");
        }

        return InputText.Problem(value) is { } problem ? throw new InputTextJsonException(problem) : InputText.Normalize(value);
    }
}
