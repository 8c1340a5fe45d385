using Egov.Modules.Announcements.Contracts;
using Mediator;

namespace Egov.Modules.Mobile.Features.Devices;

/// <summary>The announcement categories devices may subscribe to: the Announcements module's list, asked once per request scope.</summary>
internal sealed class TopicCatalog(ISender sender)
{
    private IReadOnlyDictionary<string, string>? _categories;

    public async Task<IReadOnlyDictionary<string, string>> CategoriesAsync(CancellationToken cancellationToken) =>
        _categories ??= await sender.Send(new GetAnnouncementCategoriesQuery(), cancellationToken);
}
