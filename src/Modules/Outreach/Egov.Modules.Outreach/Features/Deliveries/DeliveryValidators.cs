using Egov.SharedKernel.Paging;
using FluentValidation;

namespace Egov.Modules.Outreach.Features.Deliveries;

internal sealed class ListDeliveriesValidator : AbstractValidator<ListDeliveriesQuery>
{
    public ListDeliveriesValidator() =>
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxPageSize).OverridePropertyName("limit").WithName("limit");
}
