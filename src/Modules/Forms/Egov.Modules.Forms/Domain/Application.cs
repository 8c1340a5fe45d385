using System.Text.Json;
using Egov.Modules.Forms.Contracts;
using Egov.SharedKernel.Errors;

namespace Egov.Modules.Forms.Domain;

/// <summary>
/// An online application (Online-Antrag) of one citizen for one published form version: a draft
/// saved as often as needed, then submitted once — data frozen, reference number given.
/// </summary>
internal sealed class Application
{
    private Application()
    {
    }

    public Guid Id { get; private set; }

    public Guid FormId { get; private set; }

    public string FormKey { get; private set; } = "";

    public int FormVersion { get; private set; }

    /// <summary>OIDC <c>sub</c> of the applicant; the only one who may see the application.</summary>
    public string ApplicantSubject { get; private set; } = "";

    public ApplicationStatus Status { get; private set; }

    /// <summary>The form data as JSON (an object); frozen at submission.</summary>
    public string Data { get; private set; } = "{}";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>Aktenzeichen, e.g. <c>EGOV-2026-000042</c>; set at submission.</summary>
    public string? ReferenceNumber { get; private set; }

    /// <summary>The client's <c>Idempotency-Key</c> of the request that created the draft.</summary>
    public string? CreationKey { get; private set; }

    /// <summary>The client's <c>Idempotency-Key</c> of the request that submitted it.</summary>
    public string? SubmissionKey { get; private set; }

    /// <summary>Concurrency token: of two changes at once exactly one wins.</summary>
    public int Revision { get; private set; }

    public static Application CreateDraft(
        FormDefinition form, FormVersion version, string applicant, string initialData, string? creationKey, DateTimeOffset now) => new()
    {
        Data = initialData,
        Id = Guid.CreateVersion7(now),
        FormId = form.Id,
        FormKey = form.Key,
        FormVersion = version.Number,
        ApplicantSubject = applicant,
        Status = ApplicationStatus.Draft,
        CreatedAt = now,
        UpdatedAt = now,
        CreationKey = creationKey,
    };

    /// <exception cref="ConflictException">It is no longer a draft.</exception>
    public void SaveDraft(JsonElement data, DateTimeOffset now)
    {
        EnsureStatus(ApplicationStatus.Draft, "saved");
        Data = data.GetRawText();
        UpdatedAt = now;
        Revision++;
    }

    /// <summary>Freezes the (already validated, cleaned) data and gives the reference number.</summary>
    public ApplicationSubmittedIntegrationEvent Submit(string cleanedData, string referenceNumber, string? submissionKey, DateTimeOffset now)
    {
        EnsureStatus(ApplicationStatus.Draft, "submitted");
        Data = cleanedData;
        ReferenceNumber = referenceNumber;
        SubmissionKey = submissionKey;
        Status = ApplicationStatus.Submitted;
        SubmittedAt = now;
        UpdatedAt = now;
        Revision++;
        return new ApplicationSubmittedIntegrationEvent(
            Guid.CreateVersion7(now), now, Id, referenceNumber, FormId, FormVersion, ApplicantSubject);
    }

    /// <summary>Records a change of the draft's attachments, so two uploads at once cannot both pass the count check.</summary>
    /// <exception cref="ConflictException">It is no longer a draft.</exception>
    public void TouchAttachments(DateTimeOffset now)
    {
        EnsureStatus(ApplicationStatus.Draft, "changed");
        UpdatedAt = now;
        Revision++;
    }

    /// <exception cref="ConflictException">It is withdrawn already.</exception>
    public void Withdraw(DateTimeOffset now)
    {
        if (Status == ApplicationStatus.Withdrawn)
        {
            throw new ConflictException("The application is withdrawn already.");
        }

        Status = ApplicationStatus.Withdrawn;
        WithdrawnAt = now;
        UpdatedAt = now;
        Revision++;
    }

    private void EnsureStatus(ApplicationStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new ConflictException($"The application is {Status} and cannot be {action}.");
        }
    }
}
