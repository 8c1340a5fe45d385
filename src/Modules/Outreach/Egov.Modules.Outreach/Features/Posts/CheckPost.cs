using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>The checks of a saved post as they stand now (the approval queue shows them).</summary>
internal sealed record CheckPostQuery(OutreachActor Actor, Guid Id) : IQuery<PostCheckReport>;

internal sealed class CheckPostHandler(OutreachDbContext db, PostStore store, PostCheckService checks) : IQueryHandler<CheckPostQuery, PostCheckReport>
{
    public async ValueTask<PostCheckReport> Handle(CheckPostQuery query, CancellationToken cancellationToken)
    {
        PostRules.EnsureMayRead(query.Actor);
        var post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException($"There is no post {query.Id}.");
        var report = await checks.CheckAsync(post.Variants, post.Id, await store.CurrentGuidelineAsync(cancellationToken), cancellationToken);
        await db.SaveChangesAsync(cancellationToken); // limits read again from an instance
        return report;
    }
}
