using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.Modules.Forms.Domain;

namespace Egov.Modules.Forms.Tests.Receipts;

/// <summary>Forms built for one test: many fields, or the seed data with one value replaced.</summary>
internal static class SyntheticForms
{
    /// <summary>A form with <paramref name="count"/> text fields <c>field001</c>… labelled „Angabe 001“… in one category.</summary>
    public static FormContent ManyFields(int count)
    {
        var names = Enumerable.Range(1, count).Select(i => $"field{i:000}").ToList();
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["type"] = "object",
            ["properties"] = new JsonObject(names.Select(n => KeyValuePair.Create(n, (JsonNode?)new JsonObject { ["type"] = "string", ["title"] = n }))),
        };
        var layout = new JsonObject
        {
            ["type"] = "Categorization",
            ["elements"] = new JsonArray(new JsonObject
            {
                ["type"] = "Category",
                ["i18n"] = "step.all",
                ["elements"] = new JsonArray([.. names.Select(n => (JsonNode)new JsonObject { ["type"] = "Control", ["scope"] = $"#/properties/{n}", ["i18n"] = n })]),
            }),
        };
        var german = new JsonObject(names.Select((n, i) => KeyValuePair.Create($"{n}.label", (JsonNode?)$"Angabe {i + 1:000}")))
        {
            ["step.all"] = "Alle Angaben",
        };
        return new FormContent(
            new LocalizedText("Sammelantrag", "Collective application"),
            new LocalizedText("Ein Formular mit sehr vielen Feldern.", null),
            "citizen-services",
            30,
            12.5m,
            new LocalizedText("Gebühr nach Aufwand.", null),
            "basic",
            365,
            JsonSerializer.SerializeToElement(schema),
            JsonSerializer.SerializeToElement(layout),
            JsonSerializer.SerializeToElement(new JsonObject { ["de"] = german }),
            []);
    }

    /// <summary>Data for <see cref="ManyFields"/>: every field a long German text naming its number.</summary>
    public static JsonElement ManyFieldsData(int count) => JsonSerializer.SerializeToElement(new JsonObject(
        Enumerable.Range(1, count).Select(i => KeyValuePair.Create($"field{i:000}", (JsonNode?)LongText(i)))));

    /// <summary>About 400 characters of German prose, unique per number.</summary>
    public static string LongText(int i)
    {
        var number = i.ToString("000", CultureInfo.InvariantCulture);
        return $"Eintrag {number}: Die Antragstellerin erklärt, dass sie das Grundstück an der Heidestraße seit dem 1. April 2026 "
            + "bewohnt, die Zufahrt über den Hinterhof nutzt und für die Dauer der Bauarbeiten eine Ausnahmegenehmigung benötigt. "
            + "Die Nachbarn sind informiert; Einwände wurden nicht erhoben. Weitere Unterlagen reicht sie auf Anforderung nach, "
            + $"insbesondere den Mietvertrag und die Bestätigung des Vermieters (Ende {number}).";
    }

    /// <summary>The seed example of the dog registration with one text replaced: the holder's family name and the dog's colour.</summary>
    public static JsonElement DogWith(string familyName, string? color = null)
    {
        var data = JsonNode.Parse(ReceiptSamples.Data(ReceiptSamples.Dog).GetRawText())!;
        data["holder"]!["familyName"] = familyName;
        data["dog"]!["color"] = color ?? familyName;
        return JsonSerializer.SerializeToElement(data);
    }
}
