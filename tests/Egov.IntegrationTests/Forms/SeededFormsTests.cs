using System.Net.Http.Json;
using System.Text.Json;
using Egov.Testing;

namespace Egov.IntegrationTests.Forms;

/// <summary>The three built-in forms, built from real municipal requirements, are published at first start.</summary>
public sealed class SeededFormsTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    [Theory]
    [InlineData("hundesteuer-anmeldung", "finance", "basic", 2)]
    [InlineData("bewohnerparkausweis", "public-order", "basic", 2)]
    [InlineData("gewerbeanmeldung-gewa1", "trade-office", "substantial", 4)]
    public async Task SeededForm_IsPublishedWithSchemaLayoutAndExamples(string key, string department, string assurance, int examples)
    {
        using var client = factory.CreateClient();

        var form = await client.GetFromJsonAsync<JsonElement>($"/api/v1/forms/{key}", TestContext.Current.CancellationToken);

        var definition = form.GetProperty("definition");
        Assert.Equal("Published", form.GetProperty("status").GetString());
        Assert.Equal(department, definition.GetProperty("department").GetString());
        Assert.Equal(assurance, definition.GetProperty("requiredAssuranceLevel").GetString());
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", definition.GetProperty("schema").GetProperty("$schema").GetString());
        Assert.Equal(examples, definition.GetProperty("schema").GetProperty("examples").GetArrayLength());
        Assert.Equal("Categorization", definition.GetProperty("uiLayout").GetProperty("type").GetString());
        Assert.True(definition.GetProperty("translations").GetProperty("en").EnumerateObject().Any());
        Assert.NotEmpty(definition.GetProperty("attachmentSlots").EnumerateArray());
    }

    [Fact]
    public async Task Catalog_AfterFirstStart_ListsTheThreeSeededForms()
    {
        using var client = factory.CreateClient();

        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/forms?limit=100", TestContext.Current.CancellationToken);

        var keys = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()).ToList();
        Assert.Contains("hundesteuer-anmeldung", keys);
        Assert.Contains("bewohnerparkausweis", keys);
        Assert.Contains("gewerbeanmeldung-gewa1", keys);
    }

    [Fact]
    public async Task Catalog_PagedByOne_WalksAllFormsInKeyOrder()
    {
        using var client = factory.CreateClient();
        var keys = new List<string>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>(
                $"/api/v1/forms?limit=1{(cursor is null ? "" : $"&cursor={cursor}")}", TestContext.Current.CancellationToken);
            keys.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && keys.Count < 50);

        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.Equal(keys.Distinct(), keys);
        Assert.True(keys.Count >= 3);
    }
}
