using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Paging;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Cases;

/// <summary>Administrator: who read which case's personal data, newest first.</summary>
internal sealed record ListCaseAccessLogQuery(Guid? CaseId, string? Actor, string? Cursor, int? Limit) : IQuery<CursorPage<CaseAccessLogResponse>>;

internal sealed class ListCaseAccessLogValidator : AbstractValidator<ListCaseAccessLogQuery>
{
    public ListCaseAccessLogValidator() =>
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxPageSize).OverridePropertyName("limit").WithName("limit");
}

internal sealed class ListCaseAccessLogHandler(FormsDbContext db) : IQueryHandler<ListCaseAccessLogQuery, CursorPage<CaseAccessLogResponse>>
{
    public async ValueTask<CursorPage<CaseAccessLogResponse>> Handle(ListCaseAccessLogQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? Cursor.DefaultPageSize;
        var after = Cursor.Decode<Position>(query.Cursor);
        var log = db.CaseAccessLog.AsNoTracking();
        if (query.CaseId is { } caseId)
        {
            log = log.Where(e => e.ApplicationId == caseId);
        }

        if (query.Actor is { } actor)
        {
            log = log.Where(e => e.ActorSubject == actor);
        }

        if (after is not null)
        {
            log = log.Where(e => e.At < after.At || (e.At == after.At && e.Id.CompareTo(after.Id) < 0));
        }

        var rows = await log.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(limit + 1)
            .Select(e => new CaseAccessLogResponse(e.Id, e.ApplicationId, e.ActorSubject, e.ActorName, e.Resource, e.At))
            .ToListAsync(cancellationToken);
        var items = rows.Count > limit ? rows[..limit] : rows;
        return new CursorPage<CaseAccessLogResponse>(items, rows.Count > limit ? Cursor.Encode(new Position(items[^1].At, items[^1].Id)) : null);
    }

    internal sealed record Position(DateTimeOffset At, Guid Id);
}
