using Egov.Modules.Announcements.Contracts;
using Mediator;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Announcements.Features.Authoring;

/// <summary>Answers other modules with the categories in force (<see cref="AnnouncementOptions.EffectiveCategories"/>).</summary>
internal sealed class GetAnnouncementCategoriesHandler(IOptions<AnnouncementOptions> options)
    : IQueryHandler<GetAnnouncementCategoriesQuery, IReadOnlyDictionary<string, string>>
{
    public ValueTask<IReadOnlyDictionary<string, string>> Handle(GetAnnouncementCategoriesQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(options.Value.EffectiveCategories);
}
