using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Cases;
using Egov.Modules.Forms.Features.Catalog;
using Egov.Modules.Forms.Persistence;
using FluentValidation;
using Mediator;

namespace Egov.Modules.Forms.Features.Decisions;

/// <summary>
/// Decides the case with a written notice: renders the form version's template of <paramref name="Kind"/>
/// with the caseworker's text to PDF, stores it immutably with its SHA-256, and moves the case to
/// Approved (approval, partial) or Rejected in the same save; the history entry of the decision names
/// the notice, and the status change's event (status mail, app push) goes out after commit.
/// </summary>
/// <param name="Caseworker">Who decides.</param>
/// <param name="CaseId">The case.</param>
/// <param name="IfMatch">The case's ETag as last read.</param>
/// <param name="Kind">The decision.</param>
/// <param name="Text">The caseworker's free text: the reasons (required for rejection and partial approval, VwVfG §39), or remarks; the decision's reason as the applicant reads it.</param>
internal sealed record IssueDecisionCommand(Caseworker Caseworker, Guid CaseId, int? IfMatch, DecisionKind Kind, string? Text) : ICommand<CaseDetail>;

internal sealed class IssueDecisionValidator : AbstractValidator<IssueDecisionCommand>
{
    public IssueDecisionValidator() => DecisionNoticeRules.Text(this, c => c.Kind, c => c.Text);
}

internal sealed class IssueDecisionHandler(
    FormsDbContext db, StaffDirectory staff, PublishedFormVersions forms, DecisionNoticeComposer composer, TimeProvider time)
    : ICommandHandler<IssueDecisionCommand, CaseDetail>
{
    public async ValueTask<CaseDetail> Handle(IssueDecisionCommand command, CancellationToken cancellationToken)
    {
        var application = await CaseAccess.FindAsync(db, staff, command.Caseworker, command.CaseId, tracked: true, cancellationToken);
        CaseAccess.EnsureMatch(application, command.IfMatch);
        var now = time.GetUtcNow();
        var text = DecisionNoticeRules.Clean(command.Text);
        var noticeId = Guid.CreateVersion7(now);

        // The move is checked (409) before anything is rendered; nothing is stored unless all succeeds.
        var change = application.Transition(DecisionNoticeRules.StatusOf(command.Kind), command.Caseworker.Actor, text, now, noticeId);
        var version = await forms.GetAsync(db, application.FormId, application.FormVersion, cancellationToken);
        var composed = composer.Compose(noticeId, application, version.Content, command.Kind, text, now);
        db.DecisionNotices.Add(DecisionNotice.Issue(
            noticeId, application.Id, command.Kind, application.FormVersion, composed.Title, text, command.Caseworker.Actor, now, composer.Pdf(composed)));
        db.Record(change);
        CaseAccess.LogRead(db, application, command.Caseworker, time);
        await CaseAccess.SaveChangeAsync(db, cancellationToken);
        return await CaseDetails.LoadAsync(db, application, time, cancellationToken);
    }
}
