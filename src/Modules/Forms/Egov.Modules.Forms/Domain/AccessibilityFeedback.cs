using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Time;

namespace Egov.Modules.Forms.Domain;

/// <summary>
/// A report of a barrier through the feedback mechanism of the accessibility statement (§ 12b Abs. 2 Nr. 2 BGG,
/// BITV 2.0): anyone may send it, without an account; the city answers within one month, so it lands in the
/// staff's list with that date and stays there until someone marks it answered.
/// </summary>
internal sealed class AccessibilityFeedback
{
    /// <summary>Longest description, in characters.</summary>
    public const int MaxDescriptionLength = 4000;

    /// <summary>Longest page address, in characters.</summary>
    public const int MaxPageLength = 500;

    /// <summary>Longest answer note, in characters.</summary>
    public const int MaxNoteLength = 2000;

    private AccessibilityFeedback()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>When it arrived (UTC).</summary>
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>
    /// The last day to answer, a calendar date in Europe/Berlin: one month after the day it arrived (§§ 187 Abs. 1,
    /// 188 Abs. 2 and 3 BGB: 31 January → 28 or 29 February).
    /// </summary>
    public DateOnly AnswerBy { get; private set; }

    /// <summary>The page or service the barrier is on, as the reporter named it (an address or words).</summary>
    public string Page { get; private set; } = "";

    /// <summary>What the barrier is, in the reporter's words.</summary>
    public string Description { get; private set; } = "";

    public string? ContactName { get; private set; }

    /// <summary>Where the answer goes; without it the report is taken without an answer.</summary>
    public string? ContactEmail { get; private set; }

    /// <summary><c>de</c> or <c>en</c>: the language of the page it was sent from.</summary>
    public string Language { get; private set; } = "de";

    /// <summary>When someone at the city marked it answered (UTC); null while open.</summary>
    public DateTimeOffset? AnsweredAt { get; private set; }

    public string? AnsweredBySubject { get; private set; }

    public string? AnsweredByName { get; private set; }

    /// <summary>What was answered or done, for the record.</summary>
    public string? AnswerNote { get; private set; }

    /// <summary>Concurrency token: of two "answered" marks at once exactly one wins.</summary>
    public int Revision { get; private set; }

    public bool IsOpen => AnsweredAt is null;

    /// <summary>True when still open after its answer-by day (Europe/Berlin).</summary>
    public bool IsOverdue(DateTimeOffset now) => IsOpen && DateOnly.FromDateTime(CivilTime.ToBerlin(now).DateTime) > AnswerBy;

    public static AccessibilityFeedback Receive(string page, string description, string? contactName, string? contactEmail, string language, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ReceivedAt = now,
        AnswerBy = DateOnly.FromDateTime(CivilTime.ToBerlin(now).DateTime).AddMonths(1),
        Page = page,
        Description = description,
        ContactName = contactName,
        ContactEmail = contactEmail,
        Language = language,
    };

    /// <exception cref="ConflictException">It was marked answered already.</exception>
    public void MarkAnswered(string subject, string name, string? note, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new ConflictException($"The report was marked answered already, by {AnsweredByName} at {AnsweredAt:O}.");
        }

        AnsweredAt = now;
        AnsweredBySubject = subject;
        AnsweredByName = name;
        AnswerNote = note;
        Revision++;
    }
}
