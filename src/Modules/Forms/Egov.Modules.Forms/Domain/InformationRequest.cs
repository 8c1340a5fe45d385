using Egov.SharedKernel.Errors;

namespace Egov.Modules.Forms.Domain;

/// <summary>
/// Nachforderung von Unterlagen: a caseworker asks the applicant for documents or data, with a
/// message and a date to answer by; the applicant answers once, with a message and files.
/// </summary>
internal sealed class InformationRequest
{
    private InformationRequest()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    /// <summary>What is needed and why, shown to the applicant.</summary>
    public string Message { get; private set; } = "";

    /// <summary>Date to answer by (a calendar date in Europe/Berlin).</summary>
    public DateOnly AnswerBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public string RequestedBySubject { get; private set; } = "";

    public string RequestedByName { get; private set; } = "";

    public InformationRequestStatus Status { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>The applicant's answer text.</summary>
    public string? Answer { get; private set; }

    /// <summary>When the caseworker withdrew the request without an answer.</summary>
    public DateTimeOffset? CancelledAt { get; private set; }

    public static InformationRequest Open(Guid applicationId, string message, DateOnly answerBy, CaseActor caseworker, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ApplicationId = applicationId,
        Message = message,
        AnswerBy = answerBy,
        RequestedAt = now,
        RequestedBySubject = caseworker.Subject,
        RequestedByName = caseworker.Name,
        Status = InformationRequestStatus.Open,
    };

    /// <exception cref="ConflictException">The request is answered or withdrawn already.</exception>
    public void Answered(string answer, DateTimeOffset now)
    {
        EnsureOpen();
        Status = InformationRequestStatus.Answered;
        Answer = answer;
        AnsweredAt = now;
    }

    /// <exception cref="ConflictException">The request is answered or withdrawn already.</exception>
    public void Cancel(DateTimeOffset now)
    {
        EnsureOpen();
        Status = InformationRequestStatus.Cancelled;
        CancelledAt = now;
    }

    private void EnsureOpen()
    {
        if (Status != InformationRequestStatus.Open)
        {
            throw new ConflictException($"This information request is {Status.ToString().ToLowerInvariant()} already; it takes no more answers.");
        }
    }
}

/// <summary>Where an information request stands.</summary>
internal enum InformationRequestStatus
{
    /// <summary>Waiting for the applicant's answer.</summary>
    Open,

    /// <summary>The applicant answered.</summary>
    Answered,

    /// <summary>The caseworker withdrew it, or the applicant withdrew the application.</summary>
    Cancelled,
}
