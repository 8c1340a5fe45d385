using System.Text.Json;
using Egov.Modules.Forms.Engines.JsonForms;

namespace Egov.Modules.Forms.Tests.Engines;

/// <summary>
/// <see cref="SchemaReferenceCycles"/>: a schema that applies itself again at the same place of the data
/// is found (JsonSchema.Net would overflow the stack on it); recursion that steps into the data is not.
/// </summary>
public sealed class SchemaReferenceCyclesTests
{
    [Theory]
    [InlineData("""{"$ref":"#"}""", "#")]
    [InlineData("""{"$ref":"#/nope"}""", null)]
    [InlineData("""{"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}},"properties":{"x":{"$ref":"#/$defs/a"}}}""", "#/$defs/a")]
    [InlineData("""{"$defs":{"a":{"allOf":[{"$ref":"#/$defs/a"}]}}}""", "#/$defs/a")]
    [InlineData("""{"properties":{"x":{"not":{"$ref":"#/properties/x"}}}}""", "#/properties/x")]
    [InlineData("""{"if":{"$ref":"#"}}""", "#")]
    [InlineData("""{"$defs":{"p%25":{"$ref":"#/$defs/p%2525"}}}""", "#/$defs/p%25")]
    [InlineData("""{"$defs":{"a/b":{"anyOf":[{"$ref":"#/$defs/a~1b"}]}}}""", "#/$defs/a~1b")]
    public void Find_SelfApplyingSchema_NamesIt(string schema, string? expected)
    {
        using var document = JsonDocument.Parse(schema);

        var found = SchemaReferenceCycles.Find(document.RootElement);

        if (expected is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Equal(expected, found);
        }
    }

    [Theory]
    [InlineData("""{"type":"object","properties":{"name":{"type":"string"},"children":{"type":"array","items":{"$ref":"#"}}}}""")]
    [InlineData("""{"$defs":{"node":{"type":"object","properties":{"next":{"$ref":"#/$defs/node"}}}},"$ref":"#/$defs/node"}""")]
    [InlineData("""{"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"type":"string"}},"properties":{"x":{"$ref":"#/$defs/a"},"y":{"$ref":"#/$defs/a"}}}""")]
    [InlineData("""{"allOf":[{"$ref":"#/$defs/s"},{"$ref":"#/$defs/s"}],"$defs":{"s":{"minLength":1}}}""")]
    [InlineData("""{"$ref":"https://example.org/elsewhere.json"}""")]
    [InlineData("""true""")]
    public void Find_RecursionThroughTheDataOrSharedDefinitions_IsNoCycle(string schema)
    {
        using var document = JsonDocument.Parse(schema);

        Assert.Null(SchemaReferenceCycles.Find(document.RootElement));
    }
}
