using System.Text.Json;
using System.Text.Json.Serialization;
using Egov.SharedKernel.Text;

namespace Egov.Host.Input;

/// <summary>
/// Free-form JSON in request bodies (<see cref="JsonElement"/> members such as a draft's form data)
/// under the same rule as typed strings: every string and member name is checked by
/// <see cref="InputText.Problem(JsonElement)"/> (the message names the place inside the member) and
/// brought to NFC.
/// </summary>
internal sealed class JsonElementInputConverter : JsonConverter<JsonElement>
{
    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var element = document.RootElement;
        if (InputText.Problem(element) is { } problem)
        {
            throw new InputTextJsonException($"At {problem.Path} of this member: {problem.Reason}");
        }

        if (!InputText.NeedsNormalizing(element))
        {
            return element.Clone();
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            InputText.WriteNormalized(element, writer);
        }

        using var normalized = JsonDocument.Parse(buffer.WrittenMemory);
        return normalized.RootElement.Clone();
    }

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => value.WriteTo(writer);
}
