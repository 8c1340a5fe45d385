using System.Text.Json;
using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>A post's history: who, when, which step, under which guideline version, with the check report.</summary>
internal sealed record GetPostHistoryQuery(OutreachActor Actor, Guid Id) : IQuery<IReadOnlyList<PostHistoryView>>;

internal sealed class GetPostHistoryHandler(OutreachDbContext db) : IQueryHandler<GetPostHistoryQuery, IReadOnlyList<PostHistoryView>>
{
    public async ValueTask<IReadOnlyList<PostHistoryView>> Handle(GetPostHistoryQuery query, CancellationToken cancellationToken)
    {
        PostRules.EnsureMayRead(query.Actor);
        if (!await db.Posts.AnyAsync(p => p.Id == query.Id, cancellationToken))
        {
            throw new NotFoundException($"There is no post {query.Id}.");
        }

        var entries = await db.PostHistory.AsNoTracking().Where(h => h.PostId == query.Id).OrderBy(h => h.Sequence).ToListAsync(cancellationToken);
        return [.. entries.Select(h => new PostHistoryView(h.Sequence, h.At, h.ActorName, h.Action, h.FromStatus?.ToString(), h.ToStatus.ToString(), h.Note, h.GuidelineVersion,
            h.CheckResults is null ? null : JsonSerializer.Deserialize<JsonElement>(h.CheckResults)))];
    }
}
