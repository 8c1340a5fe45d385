using Egov.Modules.Forms.Domain;

namespace Egov.Modules.Forms.Features.ProcessingRecord;

/// <summary>
/// What the privacy notice (Art. 13 GDPR) says about one published form, from the form version's own
/// facts, so the notice changes when a form does.
/// </summary>
/// <param name="Key">The form's key, e.g. <c>hundesteuer-anmeldung</c>.</param>
/// <param name="Title">The form's title in German and English (the purpose: deciding on this application).</param>
/// <param name="Department">The department that receives and decides the application (the recipient).</param>
/// <param name="RetentionDays">Days the data is kept after the case is closed.</param>
/// <param name="AttachmentSlots">How many kinds of document the form asks for (0: none).</param>
internal sealed record FormProcessing(string Key, LocalizedText Title, string Department, int RetentionDays, int AttachmentSlots);
