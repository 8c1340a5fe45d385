using System.Text.Json;
using Egov.Modules.Forms.Engines.NoticeTemplates;

namespace Egov.Modules.Forms.Tests.Engines.NoticeTemplates;

public sealed class NoticeTemplateTests
{
    private static readonly NoticeFields Fields = NoticeFields.ForSchema(JsonDocument.Parse("""
        {
          "type": "object",
          "$defs": { "address": { "type": "object", "properties": { "street": { "type": "string" }, "city": { "type": "string" } } } },
          "properties": {
            "applicant": { "type": "object", "properties": { "familyName": { "type": "string" }, "address": { "$ref": "#/$defs/address" } } },
            "partners": { "type": "array", "items": { "type": "object", "properties": { "name": { "type": "string" } } } },
            "startDate": { "type": "string", "format": "date" }
          },
          "allOf": [ { "if": { "properties": { "startDate": { "const": "x" } } }, "then": { "properties": { "reason": { "type": "string" } } } } ]
        }
        """).RootElement);

    [Theory]
    [InlineData("{{ authority.name }} {{ reference_number }} {{ decision.text }} {{ fee.amount }} {{ legal_remedy }}")]
    [InlineData("{{ data.applicant.address.street }} {{ data.reason }}")]
    [InlineData("{% for p in data.partners %}{{ p.name }} {{ forloop.index }}{% endfor %} {{ data.partners.size }} {{ data.partners[0].name }}")]
    [InlineData("{% assign who = applicant.name | upcase %}{{ who }}{% capture x %}a{% endcapture %}{{ x }}")]
    [InlineData("{% if data.applicant %}{{ data.startDate | date: '%d.%m.%Y' }}{% endif %}")]
    public void Check_WhenEveryNameIsKnown_FindsNothing(string template) =>
        Assert.Empty(NoticeTemplate.Check(template, Fields));

    [Theory]
    [InlineData("{{ data.applicant.givenName }}", "Unknown field 'data.applicant.givenName'")]
    [InlineData("{% if false %}{{ data.partnerz }}{% endif %}", "Unknown field 'data.partnerz'")]
    [InlineData("{% for p in data.partners %}{{ p.nam }}{% endfor %}", "Unknown field 'p.nam'")]
    [InlineData("{{ applicant.address }}", "Unknown field 'applicant.address'")]
    [InlineData("{{ reference }}", "Unknown field 'reference'")]
    [InlineData("{{ data.startDate | datum }}", "Unknown filter 'datum'")]
    [InlineData("{% render 'x' %}", "The tag 'render' is not available")]
    [InlineData("{{ data.startDate ", "Syntax error")]
    public void Check_WhenAFieldFilterOrTagIsUnknown_NamesIt(string template, string problem) =>
        Assert.Contains(NoticeTemplate.Check(template, Fields), p => p.Contains(problem, StringComparison.Ordinal));

    [Fact]
    public void Render_FillsTheModel_FormatsIsoDatesInGerman_AndLeavesAbsentOptionalDataEmpty()
    {
        var model = new Dictionary<string, object?>
        {
            ["reference_number"] = "EGOV-2026-000001",
            ["data"] = new Dictionary<string, object?> { ["startDate"] = "2026-05-01", ["applicant"] = new Dictionary<string, object?>() },
        };

        var text = NoticeTemplate.Render("{{ reference_number }}: {{ data.startDate | date: '%d.%m.%Y' }} [{{ data.applicant.familyName }}] <&>", model);

        Assert.Equal("EGOV-2026-000001: 01.05.2026 [] <&>", text);
    }
}
