using System.Text.Json;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Engines.NoticeTemplates;

namespace Egov.Modules.Forms.Features.Catalog;

/// <summary>The save-time check of a form version's decision-notice templates (also run again at publish).</summary>
internal static class DecisionTemplateCheck
{
    /// <summary>The problems of the templates as (field, message), the field naming the template, e.g. <c>decisionTemplates.rejection</c>.</summary>
    public static IEnumerable<(string Field, string Message)> Problems(DecisionTemplates templates, JsonElement schema)
    {
        var fields = NoticeFields.ForSchema(schema);
        foreach (var (kind, source) in templates.All())
        {
            var field = $"decisionTemplates.{JsonNamingPolicy.CamelCase.ConvertName(kind.ToString())}";
            if (string.IsNullOrWhiteSpace(source))
            {
                yield return (field, $"The {kind.ToString().ToLowerInvariant()} template is empty; leave it out (null) instead.");
                continue;
            }

            foreach (var problem in NoticeTemplate.Check(source, fields).Take(10))
            {
                yield return (field, $"Template '{field}': {problem}");
            }
        }
    }
}
