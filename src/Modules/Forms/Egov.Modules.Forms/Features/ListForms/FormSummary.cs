using Egov.Modules.Forms.Domain;

namespace Egov.Modules.Forms.Features.ListForms;

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
