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
            // Names only: Enum.TryParse would also take "1" or "News,Event".
            .Must(kind => Enum.GetNames<AnnouncementKind>().Contains(kind, StringComparer.OrdinalIgnoreCase))
            .When(q => q.Kind is not null)
            .WithMessage($"Must be one of: {string.Join(", ", Enum.GetNames<AnnouncementKind>())}.");
    }
}
