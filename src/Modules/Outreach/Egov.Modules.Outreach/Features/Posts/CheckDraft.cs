using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Persistence;
using FluentValidation;
using Mediator;

namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>A dry run of the checks on typed texts (<c>POST /api/v1/outreach/posts/check</c>, the composer's live check); nothing is stored.</summary>
internal sealed record CheckDraftQuery(OutreachActor Actor, PostInput Input) : IQuery<PostCheckReport>;

/// <summary>The dry run checks variants only: the working title is never sent, so none is needed.</summary>
internal sealed class CheckDraftValidator(IValidator<PostInput> input)
    : InputValidator<CheckDraftQuery, PostInput>(input, c => c.Input is null ? null : c.Input with { Title = string.IsNullOrWhiteSpace(c.Input.Title) ? "(dry run)" : c.Input.Title });

internal sealed class CheckDraftHandler(OutreachDbContext db, PostStore store, PostCheckService checks) : IQueryHandler<CheckDraftQuery, PostCheckReport>
{
    public async ValueTask<PostCheckReport> Handle(CheckDraftQuery query, CancellationToken cancellationToken)
    {
        PostRules.EnsureMayDraft(query.Actor, query.Input.Crisis);
        var variants = PostRules.Variants(query.Input);
        PostRules.EnsureNoMedia(variants);
        var report = await checks.CheckAsync(variants, null, await store.CurrentGuidelineAsync(cancellationToken), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }
}
