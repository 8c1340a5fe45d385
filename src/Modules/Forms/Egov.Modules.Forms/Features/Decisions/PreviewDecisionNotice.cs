using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Cases;
using Egov.Modules.Forms.Features.Catalog;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using FluentValidation;
using Mediator;

namespace Egov.Modules.Forms.Features.Decisions;

/// <summary>The notice as it would be issued now, as PDF or HTML; nothing is stored.</summary>
/// <param name="Caseworker">Who previews.</param>
/// <param name="CaseId">The case.</param>
/// <param name="Kind">The decision.</param>
/// <param name="Text">The caseworker's free text, as for <see cref="IssueDecisionCommand"/>.</param>
/// <param name="Html">True for an HTML fragment, false for the PDF.</param>
internal sealed record PreviewDecisionNoticeQuery(Caseworker Caseworker, Guid CaseId, DecisionKind Kind, string? Text, bool Html) : IQuery<DecisionNoticePreview>;

/// <summary>A preview: <see cref="Html"/> or <see cref="Pdf"/>, as asked.</summary>
internal sealed record DecisionNoticePreview(string? Html, byte[]? Pdf);

internal sealed class PreviewDecisionNoticeValidator : AbstractValidator<PreviewDecisionNoticeQuery>
{
    public PreviewDecisionNoticeValidator() => DecisionNoticeRules.Text(this, c => c.Kind, c => c.Text);
}

internal sealed class PreviewDecisionNoticeHandler(
    FormsDbContext db, StaffDirectory staff, PublishedFormVersions forms, DecisionNoticeComposer composer, TimeProvider time)
    : IQueryHandler<PreviewDecisionNoticeQuery, DecisionNoticePreview>
{
    /// <exception cref="ConflictException">The case cannot be decided now (not in review).</exception>
    public async ValueTask<DecisionNoticePreview> Handle(PreviewDecisionNoticeQuery query, CancellationToken cancellationToken)
    {
        var application = await CaseAccess.FindAsync(db, staff, query.Caseworker, query.CaseId, tracked: false, cancellationToken);
        var to = DecisionNoticeRules.StatusOf(query.Kind);
        if (!CaseTransitions.AllowedForStaff(application.Status).Contains(to))
        {
            throw new ConflictException($"The case is {application.Status}; it cannot be decided now.");
        }

        var now = time.GetUtcNow();
        var version = await forms.GetAsync(db, application.FormId, application.FormVersion, cancellationToken);
        var composed = composer.Compose(Guid.CreateVersion7(now), application, version.Content, query.Kind, DecisionNoticeRules.Clean(query.Text), now);
        return query.Html ? new DecisionNoticePreview(DecisionNoticeComposer.Html(composed), null) : new DecisionNoticePreview(null, composer.Pdf(composed));
    }
}
