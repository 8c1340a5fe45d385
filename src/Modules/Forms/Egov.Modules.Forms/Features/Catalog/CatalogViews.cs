using Egov.Modules.Forms.Domain;

namespace Egov.Modules.Forms.Features.Catalog;

/// <summary>One version of a form with its whole definition.</summary>
/// <param name="FormId">Id of the form.</param>
/// <param name="Version">Version number, from 1.</param>
/// <param name="Status"><c>Draft</c> or <c>Published</c>.</param>
/// <param name="CreatedAt">UTC.</param>
/// <param name="PublishedAt">UTC; null for a draft.</param>
/// <param name="Definition">The form document (key, texts, schema, layout, translations, slots).</param>
internal sealed record FormVersionResponse(
    Guid FormId, int Version, string Status, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, FormDocument Definition)
{
    public static FormVersionResponse From(FormDefinition form, FormVersion version) => new(
        form.Id, version.Number, version.Status.ToString(), version.CreatedAt, version.PublishedAt,
        FormDocument.From(form.Key, version.Content));
}

/// <summary>A form as listed in the catalog (its current published version).</summary>
internal sealed record FormSummary(
    Guid Id,
    string Key,
    int Version,
    LocalizedText Title,
    LocalizedText Description,
    string Department,
    decimal FeeAmountEur,
    string RequiredAssuranceLevel,
    int ProcessingDeadlineDays,
    DateTimeOffset PublishedAt);
