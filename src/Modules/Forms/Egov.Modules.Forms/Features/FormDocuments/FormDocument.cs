using System.Text.Json;
using Egov.Modules.Forms.Domain;

namespace Egov.Modules.Forms.Features.FormDocuments;

/// <summary>
/// A form version as JSON, in the shape administrators send and the seed files use (see
/// docs/modules/forms.md): texts, department, deadline, fee, assurance, retention, JSON Schema
/// 2020-12 with examples, JSON Forms UI layout, translations and attachment slots.
/// </summary>
internal sealed record FormDocument(
    string? Key,
    LocalizedText Title,
    LocalizedText Description,
    string Department,
    int ProcessingDeadlineDays,
    FeeDocument Fee,
    string RequiredAssuranceLevel,
    int RetentionDays,
    JsonElement Schema,
    JsonElement UiLayout,
    JsonElement Translations,
    IReadOnlyList<AttachmentSlot> AttachmentSlots)
{
    public FormContent ToContent() => new(
        Title, Description, Department, ProcessingDeadlineDays, Fee.AmountEur, Fee.Text, RequiredAssuranceLevel, RetentionDays,
        Schema.Clone(), UiLayout.Clone(), Translations.Clone(), AttachmentSlots);

    public static FormDocument From(string key, FormContent content) => new(
        key, content.Title, content.Description, content.Department, content.ProcessingDeadlineDays,
        new FeeDocument(content.FeeAmountEur, content.FeeText), content.RequiredAssuranceLevel, content.RetentionDays,
        content.Schema, content.UiLayout, content.Translations, content.AttachmentSlots);
}

/// <param name="AmountEur">Amount in euros, at most two decimals; 0 when free.</param>
/// <param name="Text">What the fee covers, de/en.</param>
internal sealed record FeeDocument(decimal AmountEur, LocalizedText Text);
