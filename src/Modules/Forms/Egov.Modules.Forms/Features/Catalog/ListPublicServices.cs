using Egov.Modules.Forms.Contracts;
using Egov.SharedKernel.Paging;
using FluentValidation;
using Mediator;

namespace Egov.Modules.Forms.Features.Catalog;

internal sealed class ListPublicServicesValidator : AbstractValidator<ListPublicServicesQuery>
{
    public ListPublicServicesValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxPageSize);
}

/// <summary>
/// The catalog's first page (<see cref="ListFormsQuery"/>, sent through the mediator so the listing rule
/// is the API's own). A search reads the largest page and matches in memory: the catalog is small (tens
/// of forms), and a match must see both languages of title and description.
/// </summary>
internal sealed class ListPublicServicesHandler(ISender sender) : IQueryHandler<ListPublicServicesQuery, IReadOnlyList<PublicService>>
{
    public async ValueTask<IReadOnlyList<PublicService>> Handle(ListPublicServicesQuery query, CancellationToken cancellationToken)
    {
        var terms = (query.Search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var page = await sender.Send(new ListFormsQuery(null, terms.Length == 0 ? query.Limit : Cursor.MaxPageSize), cancellationToken);
        return [.. page.Items
            .Where(f => terms.All(t => new[] { f.Title.De, f.Title.En, f.Description.De, f.Description.En }
                .Any(text => text?.Contains(t, StringComparison.CurrentCultureIgnoreCase) == true)))
            .Take(query.Limit)
            .Select(f => new PublicService(f.Key, new FormText(f.Title.De, f.Title.En), new FormText(f.Description.De, f.Description.En), f.Department, f.FeeAmountEur, f.ProcessingDeadlineDays))];
    }
}
