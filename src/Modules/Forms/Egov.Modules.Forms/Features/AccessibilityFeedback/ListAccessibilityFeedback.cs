using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Feedback = Egov.Modules.Forms.Domain.AccessibilityFeedback;

namespace Egov.Modules.Forms.Features.AccessibilityFeedback;

/// <summary>The reports of barriers for staff: open ones first, the earliest answer-by day first; then the answered, newest first.</summary>
/// <param name="Staff">Who asks: an administrator or a caseworker of the configured department (else 403).</param>
/// <param name="Open">Only open (<c>true</c>), only answered (<c>false</c>) or all (null).</param>
internal sealed record ListAccessibilityFeedbackQuery(Caseworker Staff, bool? Open) : IQuery<IReadOnlyList<AccessibilityFeedbackView>>;

/// <summary>A report as staff see it.</summary>
/// <param name="Id">The report's id (UUID v7).</param>
/// <param name="ReceivedAt">When it arrived (UTC).</param>
/// <param name="AnswerBy">The last day to answer (Europe/Berlin).</param>
/// <param name="Overdue">Open after its answer-by day.</param>
/// <param name="Page">Where the barrier is, as reported.</param>
/// <param name="Description">What it is, as reported.</param>
/// <param name="ContactName">The reporter's name, if given.</param>
/// <param name="ContactEmail">Where the answer goes, if given.</param>
/// <param name="Language"><c>de</c> or <c>en</c>: answer in it.</param>
/// <param name="AnsweredAt">When it was marked answered (UTC); null while open.</param>
/// <param name="AnsweredBy">Who marked it answered.</param>
/// <param name="AnswerNote">What was answered or done.</param>
internal sealed record AccessibilityFeedbackView(
    Guid Id, DateTimeOffset ReceivedAt, DateOnly AnswerBy, bool Overdue, string Page, string Description, string? ContactName, string? ContactEmail,
    string Language, DateTimeOffset? AnsweredAt, string? AnsweredBy, string? AnswerNote)
{
    public static AccessibilityFeedbackView From(Feedback f, DateTimeOffset now) =>
        new(f.Id, f.ReceivedAt, f.AnswerBy, f.IsOverdue(now), f.Page, f.Description, f.ContactName, f.ContactEmail, f.Language, f.AnsweredAt, f.AnsweredByName, f.AnswerNote);
}

internal sealed class ListAccessibilityFeedbackHandler(FormsDbContext db, IOptions<AccessibilityFeedbackOptions> options, TimeProvider time) : IQueryHandler<ListAccessibilityFeedbackQuery, IReadOnlyList<AccessibilityFeedbackView>>
{
    /// <summary>At most this many of each kind; a city gets a handful a month.</summary>
    private const int Limit = 500;

    public async ValueTask<IReadOnlyList<AccessibilityFeedbackView>> Handle(ListAccessibilityFeedbackQuery query, CancellationToken cancellationToken)
    {
        options.Value.EnsureHandles(query.Staff);
        var now = time.GetUtcNow();
        var open = query.Open is null or true
            ? await db.AccessibilityFeedback.AsNoTracking().Where(f => f.AnsweredAt == null).OrderBy(f => f.AnswerBy).ThenBy(f => f.Id).Take(Limit).ToListAsync(cancellationToken)
            : [];
        var answered = query.Open is null or false
            ? await db.AccessibilityFeedback.AsNoTracking().Where(f => f.AnsweredAt != null).OrderByDescending(f => f.Id).Take(Limit).ToListAsync(cancellationToken)
            : [];
        return [.. open.Concat(answered).Select(f => AccessibilityFeedbackView.From(f, now))];
    }
}
