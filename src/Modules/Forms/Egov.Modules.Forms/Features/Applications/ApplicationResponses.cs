using System.Text.Json;
using Egov.Modules.Forms.Domain;
using Egov.SharedKernel.Time;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>An application as its applicant sees it.</summary>
/// <param name="Id">Application id.</param>
/// <param name="FormId">Id of the form.</param>
/// <param name="FormKey">Key of the form, e.g. <c>hundesteuer-anmeldung</c>.</param>
/// <param name="FormVersion">The form version it is filed against.</param>
/// <param name="Status"><c>Draft</c>, <c>Submitted</c> or <c>Withdrawn</c>.</param>
/// <param name="ReferenceNumber">Aktenzeichen once submitted.</param>
/// <param name="Data">The form data (after submission: as filed, hidden sections dropped).</param>
/// <param name="CreatedAt">UTC.</param>
/// <param name="UpdatedAt">UTC.</param>
/// <param name="WithdrawnAt">UTC.</param>
/// <param name="Attachments">The uploaded files (without content).</param>
/// <param name="SubmittedAt">Submission instant, UTC.</param>
/// <param name="SubmittedAtLocal">The same instant in Europe/Berlin with its offset, as shown to people.</param>
internal sealed record ApplicationResponse(
    Guid Id,
    Guid FormId,
    string FormKey,
    int FormVersion,
    string Status,
    string? ReferenceNumber,
    JsonElement Data,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? SubmittedAtLocal,
    DateTimeOffset? WithdrawnAt,
    IReadOnlyList<AttachmentResponse> Attachments)
{
    public static ApplicationResponse From(Application application, IReadOnlyList<AttachmentResponse> attachments)
    {
        using var data = JsonDocument.Parse(application.Data);
        return new(
            application.Id, application.FormId, application.FormKey, application.FormVersion, application.Status.ToString(),
            application.ReferenceNumber, data.RootElement.Clone(), application.CreatedAt, application.UpdatedAt,
            application.SubmittedAt, application.SubmittedAt is { } at ? CivilTime.ToBerlin(at) : null,
            application.WithdrawnAt,
            attachments);
    }
}

/// <summary>An application in the applicant's list: status, form, reference and dates, without data.</summary>
internal sealed record ApplicationSummary(
    Guid Id, string FormKey, int FormVersion, string Status, string? ReferenceNumber, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt);

/// <summary>An uploaded file: slot, sanitised name, detected media type, size in bytes, SHA-256 (hex).</summary>
internal sealed record AttachmentResponse(Guid Id, string Slot, string FileName, string MediaType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt)
{
    public static AttachmentResponse From(Attachment attachment) => new(
        attachment.Id, attachment.Slot, attachment.FileName, attachment.MediaType, attachment.SizeBytes, attachment.Sha256, attachment.UploadedAt);
}
