using Egov.Modules.Announcements.Domain;
using Egov.SharedKernel.Paging;
using FluentValidation;

namespace Egov.Modules.Announcements.Features.ListAnnouncements;

internal sealed class ListAnnouncementsValidator : AbstractValidator<ListAnnouncementsQuery>
{
    public ListAnnouncementsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxPageSize);
        RuleFor(q => q.Kind)
            .Must(kind => Enum.TryParse<AnnouncementKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            .When(q => q.Kind is not null)
            .WithMessage($"Must be one of: {string.Join(", ", Enum.GetNames<AnnouncementKind>())}.");
    }
}
