using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Paging;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Catalog;

/// <summary>The public catalog: forms with a published version, by key.</summary>
internal sealed record ListFormsQuery(string? Cursor, int? Limit) : IQuery<CursorPage<FormSummary>>;

internal sealed class ListFormsValidator : AbstractValidator<ListFormsQuery>
{
    public ListFormsValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxPageSize);
}

internal sealed class ListFormsHandler(FormsDbContext db) : IQueryHandler<ListFormsQuery, CursorPage<FormSummary>>
{
    public async ValueTask<CursorPage<FormSummary>> Handle(ListFormsQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? Cursor.DefaultPageSize;
        var after = Cursor.Decode<Position>(query.Cursor);
        var forms = db.FormDefinitions.AsNoTracking()
            .Where(f => f.RetiredAt == null && f.Versions.Any(v => v.Status == FormVersionStatus.Published));
        if (after is not null)
        {
            // Translated to SQL ("key" > @key); keys are ASCII slugs, so collation does not matter.
            forms = forms.Where(f => f.Key.CompareTo(after.Key) > 0);
        }

        var page = await forms.OrderBy(f => f.Key).Take(limit + 1).ToListAsync(cancellationToken);
        var items = page.Take(limit).Select(f =>
        {
            var v = f.CurrentVersion!;
            return new FormSummary(f.Id, f.Key, v.Number, v.Content.Title, v.Content.Description, v.Content.Department,
                FeeRule.IndicativeEur(v.Content), v.Content.RequiredAssuranceLevel, v.Content.ProcessingDeadlineDays, v.PublishedAt!.Value);
        }).ToList();
        return new CursorPage<FormSummary>(items, page.Count > limit ? Cursor.Encode(new Position(items[^1].Key)) : null);
    }

    internal sealed record Position(string Key);
}
