using Egov.Modules.Announcements.Domain;
using Egov.SharedKernel.Paging;
using FluentValidation;

namespace Egov.Modules.Announcements.Features.Reading;

internal sealed class ListAnnouncementsValidator : AbstractValidator<ListAnnouncementsQuery>
{
    public ListAnnouncementsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxPageSize).OverridePropertyName("limit").WithName("limit");
        RuleFor(q => q.Filter.Search).MaximumLength(200).OverridePropertyName("q").WithName("q");
        RuleFor(q => q.Filter.Language).Must(l => AnnouncementLanguages.All.Contains(l))
            .WithMessage($"Use one of: {string.Join(", ", AnnouncementLanguages.All)}.").OverridePropertyName("lang");
    }
}
