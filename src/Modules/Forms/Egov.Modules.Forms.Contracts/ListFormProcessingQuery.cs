using Egov.SharedKernel.DataProtection;
using Mediator;

namespace Egov.Modules.Forms.Contracts;

/// <summary>
/// Cross-module query: the processing of the online applications for the record of processing activities
/// (Art. 30 GDPR) — every form with a published version and not retired, by key, from its current published
/// version's own facts and worded by Forms (<see cref="FormProcessing.Activity"/>), so the record changes when a
/// form does. The privacy notice's section is <see cref="GetFormsPrivacyNoticeQuery"/>.
/// </summary>
public sealed record ListFormProcessingQuery : IQuery<IReadOnlyList<FormProcessing>>;

/// <summary>
/// Cross-module query: Forms' section of the privacy notice (Art. 13 GDPR, <c>/datenschutz</c>) in German and
/// English — legal basis, recipient and retention of online applications, and a table of every published form
/// (linked title, recipient department, days kept after closing), from the same forms as <see cref="ListFormProcessingQuery"/>.
/// </summary>
public sealed record GetFormsPrivacyNoticeQuery : IQuery<PrivacyNoticeSection>;

/// <summary>What the record of processing says about one published form.</summary>
/// <param name="Key">The form's key, e.g. <c>hundesteuer-anmeldung</c>; the form is <c>/forms/{Key}</c>.</param>
/// <param name="Title">The form's title in German and English (the purpose: deciding on this application).</param>
/// <param name="Department">The department that receives and decides the application (the recipient).</param>
/// <param name="RetentionDays">Days the data is kept after the case is closed (Art. 13 (2) a GDPR).</param>
/// <param name="AttachmentSlots">How many kinds of document the form asks for (0: none).</param>
/// <param name="RetentionAction">What ends after <paramref name="RetentionDays"/>: one of <see cref="RetentionActions"/>.</param>
/// <param name="Activity">The form's processing activity as the record of processing lists it (German).</param>
public sealed record FormProcessing(string Key, FormText Title, string Department, int RetentionDays, int AttachmentSlots, string RetentionAction, ProcessingActivity Activity);

/// <summary>What a form's retention does once its period has run out (the form version's <c>retentionAction</c>).</summary>
public static class RetentionActions
{
    /// <summary>The whole application is deleted.</summary>
    public const string Delete = "delete";

    /// <summary>Reference, form, dates, status and fee are kept for statistics; personal data and documents are removed.</summary>
    public const string Strip = "strip";
}
