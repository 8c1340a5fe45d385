using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Paging;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>The caller's applications, newest first.</summary>
internal sealed record ListMyApplicationsQuery(Applicant Applicant, string? Cursor, int? Limit) : IQuery<CursorPage<ApplicationSummary>>;

internal sealed class ListMyApplicationsValidator : AbstractValidator<ListMyApplicationsQuery>
{
    public ListMyApplicationsValidator() =>
        RuleFor(q => q.Limit).InclusiveBetween(1, Egov.SharedKernel.Paging.Cursor.MaxPageSize).OverridePropertyName("limit").WithName("limit");
}

internal sealed class ListMyApplicationsHandler(FormsDbContext db) : IQueryHandler<ListMyApplicationsQuery, CursorPage<ApplicationSummary>>
{
    public async ValueTask<CursorPage<ApplicationSummary>> Handle(ListMyApplicationsQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? Cursor.DefaultPageSize;
        var after = Cursor.Decode<Position>(query.Cursor);
        var mine = db.Applications.AsNoTracking().Where(a => a.ApplicantSubject == query.Applicant.Subject);
        if (after is not null)
        {
            mine = mine.Where(a => a.CreatedAt < after.CreatedAt || (a.CreatedAt == after.CreatedAt && a.Id.CompareTo(after.Id) < 0));
        }

        var rows = await mine.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(limit + 1)
            .Select(a => new ApplicationSummary(a.Id, a.FormKey, a.FormVersion, a.Status.ToString(), a.ReferenceNumber, a.CreatedAt, a.SubmittedAt))
            .ToListAsync(cancellationToken);
        var items = rows.Count > limit ? rows[..limit] : rows;
        return new CursorPage<ApplicationSummary>(items, rows.Count > limit ? Cursor.Encode(new Position(items[^1].CreatedAt, items[^1].Id)) : null);
    }

    internal sealed record Position(DateTimeOffset CreatedAt, Guid Id);
}
