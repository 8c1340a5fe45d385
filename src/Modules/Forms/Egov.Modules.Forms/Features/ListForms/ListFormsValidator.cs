using Egov.SharedKernel.Paging;
using FluentValidation;

namespace Egov.Modules.Forms.Features.ListForms;

internal sealed class ListFormsValidator : AbstractValidator<ListFormsQuery>
{
    public ListFormsValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxPageSize);
}
