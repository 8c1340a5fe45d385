using System.Text.Json;
using Egov.Modules.Forms.Domain;
using Egov.SharedKernel.Errors;

namespace Egov.Modules.Forms.Features.Catalog;

/// <summary>
/// A form version as JSON, in the shape administrators send and the seed files use (see
/// docs/modules/forms.md): texts, department, deadline, fee, assurance, retention, JSON Schema
/// 2020-12 with examples, JSON Forms UI layout, translations, attachment slots and the
/// decision-notice templates (<c>decisionTemplates</c>: <c>approval</c>, <c>rejection</c>, <c>partial</c>, Liquid).
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
    IReadOnlyList<AttachmentSlot> AttachmentSlots,
    DecisionTemplates? DecisionTemplates = null,
    string? RetentionAction = null)
{
    public FormContent ToContent() => new(
        Title, Description, Department, ProcessingDeadlineDays, Fee.AmountEur, Fee.Text, RequiredAssuranceLevel, RetentionDays,
        Schema.Clone(), UiLayout.Clone(), Translations.Clone(), AttachmentSlots, DecisionTemplates, RetentionAction ?? FormContent.DeleteOnRetention,
        Fee.PerField is { Count: > 0 } perField ? perField : null, Fee.Payment ?? FeePayment.AfterSubmission);

    public static FormDocument From(string key, FormContent content) => new(
        key, content.Title, content.Description, content.Department, content.ProcessingDeadlineDays,
        new FeeDocument(content.FeeAmountEur, content.FeeText, content.FeePerField, content.FeePayment), content.RequiredAssuranceLevel, content.RetentionDays,
        content.Schema, content.UiLayout, content.Translations, content.AttachmentSlots, content.DecisionTemplates, content.RetentionAction);

    /// <summary>A new version of a form keeps the form's key: a document naming another key is refused.</summary>
    /// <exception cref="RequestValidationException">The document names a key other than <paramref name="key"/>.</exception>
    public void EnsureKey(string key)
    {
        if (Key is not null && Key != key)
        {
            throw new RequestValidationException("key", $"The key of a form cannot change (it is '{key}').");
        }
    }
}

/// <param name="AmountEur">The fixed part in euros, at most two decimals; 0 when free (or wholly computed).</param>
/// <param name="Text">What the fee covers, de/en.</param>
/// <param name="PerField">Parts computed from the data, e.g. <c>[{ "field": "/vehicle", "amountEur": 30.70 }]</c>: the amount per unit of the field (<see cref="FeeRule"/>).</param>
/// <param name="Payment"><c>afterSubmission</c> (default) or <c>beforeSubmission</c>: the application is submitted only once the fee is paid.</param>
internal sealed record FeeDocument(decimal AmountEur, LocalizedText Text, IReadOnlyList<FeePerField>? PerField = null, string? Payment = null);
