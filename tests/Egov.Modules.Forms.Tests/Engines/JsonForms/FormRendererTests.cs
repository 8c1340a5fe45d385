using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.Modules.Forms.Engines.JsonForms;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Egov.Modules.Forms.Tests.Engines.JsonForms;

/// <summary>The JSON Forms renderer on its own: schema, layout and translations in, steps and data out.</summary>
public sealed class FormRendererTests
{
    private static readonly JsonElement Schema = Json("""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "required": ["holder"],
          "properties": {
            "holder": { "type": "boolean", "title": "Holder" },
            "plate": { "type": "string", "title": "Plate" },
            "born": { "type": "string", "format": "date" }
          }
        }
        """);

    private static readonly JsonElement Layout = Json("""
        {
          "type": "Categorization",
          "elements": [
            { "type": "Category", "i18n": "vehicle", "elements": [
              { "type": "Control", "scope": "#/properties/holder", "i18n": "holder" },
              { "type": "Control", "scope": "#/properties/plate",
                "rule": { "effect": "SHOW", "condition": { "scope": "#/properties/holder", "schema": { "const": true } } } }
            ] },
            { "type": "Category", "label": "Person", "elements": [
              { "type": "Control", "scope": "#/properties/born" }
            ] }
          ]
        }
        """);

    private static readonly JsonElement Translations = Json("""
        { "de": { "vehicle.label": "Fahrzeug", "holder.label": "Halter" }, "en": { "vehicle.label": "Vehicle" } }
        """);

    [Fact]
    public void Step_WhenRuleConditionFails_HidesTheControl()
    {
        var renderer = new FormRenderer(Schema, Layout, Translations, "de");

        var hidden = renderer.Step(0, new JsonObject { ["holder"] = false });
        var shown = renderer.Step(0, new JsonObject { ["holder"] = true });

        Assert.Equal(["/holder"], hidden.Controls.Select(c => c.Pointer));
        Assert.Equal(["/holder", "/plate"], shown.Controls.Select(c => c.Pointer));
    }

    [Fact]
    public void Step_InEnglishWithoutAnEnglishText_FallsBackToGerman()
    {
        var renderer = new FormRenderer(Schema, Layout, Translations, "en");

        var step = renderer.Step(0, []);

        Assert.Equal(2, renderer.StepCount);
        Assert.Equal("Vehicle", step.Label);
        var holder = Assert.Single(step.Controls);
        Assert.Equal("Halter", holder.Label);
        Assert.Equal(ControlKind.Checkbox, holder.Kind);
        Assert.True(holder.Required);
    }

    [Fact]
    public void Apply_GermanDate_StoresIsoAndShowsItGermanAgain()
    {
        var renderer = new FormRenderer(Schema, Layout, Translations, "de");
        var step = renderer.Step(1, []);
        var posted = new FormCollection(new Dictionary<string, StringValues> { ["/born"] = "12.08.1964" });

        var data = FormRenderer.Apply([], step, posted);

        Assert.Equal("1964-08-12", data["born"]!.GetValue<string>());
        Assert.Equal("12.08.1964", Assert.Single(renderer.Step(1, data).Controls).Value);
        Assert.Equal(1, renderer.StepOf("/born"));
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
