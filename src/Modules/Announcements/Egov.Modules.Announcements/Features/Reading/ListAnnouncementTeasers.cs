using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Announcements.Domain;
using FluentValidation;
using Mediator;

namespace Egov.Modules.Announcements.Features.Reading;

internal sealed class ListAnnouncementTeasersValidator : AbstractValidator<ListAnnouncementTeasersQuery>
{
    public ListAnnouncementTeasersValidator() =>
        RuleFor(q => q.Kind).Must(k => k is null || AnnouncementKinds.All.Contains(k, StringComparer.Ordinal))
            .WithMessage($"Use one of: {string.Join(", ", AnnouncementKinds.All)}.").OverridePropertyName("kind");
}

/// <summary>
/// The teasers are the public list's first page (<see cref="ListAnnouncementsQuery"/>), sent through the
/// mediator so its rules, validation and read-cache freshness are the list's own.
/// </summary>
internal sealed class ListAnnouncementTeasersHandler(ISender sender) : IQueryHandler<ListAnnouncementTeasersQuery, IReadOnlyList<AnnouncementTeaser>>
{
    public async ValueTask<IReadOnlyList<AnnouncementTeaser>> Handle(ListAnnouncementTeasersQuery query, CancellationToken cancellationToken)
    {
        var kind = query.Kind is null ? (AnnouncementKind?)null : Enum.Parse<AnnouncementKind>(query.Kind);
        var page = await sender.Send(
            new ListAnnouncementsQuery(new AnnouncementFilter(kind, null, query.Language, null, query.Search), null, query.Limit), cancellationToken);
        return [.. page.Items.Select(a => new AnnouncementTeaser(a.Slug, a.Kind, a.Language, a.Title, a.Summary, a.PublishedAt, a.UpdatedAt))];
    }
}
