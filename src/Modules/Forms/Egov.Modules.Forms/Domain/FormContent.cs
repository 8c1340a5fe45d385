using System.Text.Json;
using Egov.Modules.Forms.Contracts;

namespace Egov.Modules.Forms.Domain;

/// <summary>
/// Everything a form version says: texts, responsibility, deadlines, fee, required assurance,
/// retention, the data model (JSON Schema 2020-12 with examples), the UI layout (a JSON Forms UI
/// schema), its translations and the attachment slots. Stored as one JSON document per version.
/// </summary>
/// <param name="Title">Title in de/en.</param>
/// <param name="Description">Plain-text description in de/en.</param>
/// <param name="Department">Code of the responsible department, e.g. <c>finance</c>.</param>
/// <param name="ProcessingDeadlineDays">Days from submission to decision the city commits to.</param>
/// <param name="FeeAmountEur">The fixed part of the fee in euros (at most two decimals); 0 when free or wholly computed.</param>
/// <param name="FeeText">What the fee is for, de/en.</param>
/// <param name="RequiredAssuranceLevel"><c>basic</c>, <c>substantial</c> or <c>high</c> (eIDAS).</param>
/// <param name="RetentionDays">Days the data is kept after the case is closed.</param>
/// <param name="Schema">JSON Schema 2020-12 of the application data, with <c>examples</c>.</param>
/// <param name="UiLayout">JSON Forms UI schema (Categorization / Category / Group / Control).</param>
/// <param name="Translations">Object <c>{ "de": { key: text }, "en": { … } }</c> for the layout's i18n keys.</param>
/// <param name="AttachmentSlots">The files an application may or must carry.</param>
/// <param name="DecisionTemplates">The decision-notice templates (Liquid); null for versions without notices.</param>
/// <param name="RetentionAction">What ends after <paramref name="RetentionDays"/>: <c>delete</c> (the whole application) or
/// <c>strip</c> (reference, form, dates, status and fee kept for statistics; personal data and documents removed).</param>
/// <param name="FeePerField">Parts of the fee computed from the data (<see cref="FeeRule"/>), added to <paramref name="FeeAmountEur"/>; null: a fixed fee.</param>
/// <param name="FeePayment">When the fee is paid online: <see cref="Domain.FeePayment.AfterSubmission"/> (default) or <see cref="Domain.FeePayment.BeforeSubmission"/>.</param>
internal sealed record FormContent(
    LocalizedText Title,
    LocalizedText Description,
    string Department,
    int ProcessingDeadlineDays,
    decimal FeeAmountEur,
    LocalizedText FeeText,
    string RequiredAssuranceLevel,
    int RetentionDays,
    JsonElement Schema,
    JsonElement UiLayout,
    JsonElement Translations,
    IReadOnlyList<AttachmentSlot> AttachmentSlots,
    DecisionTemplates? DecisionTemplates = null,
    string RetentionAction = FormContent.DeleteOnRetention,
    IReadOnlyList<FeePerField>? FeePerField = null,
    string FeePayment = Domain.FeePayment.AfterSubmission)
{
    /// <summary>Retention action: the whole application is deleted.</summary>
    public const string DeleteOnRetention = RetentionActions.Delete;

    /// <summary>Retention action: personal data and documents are removed, the statistical row stays.</summary>
    public const string StripOnRetention = RetentionActions.Strip;
}
