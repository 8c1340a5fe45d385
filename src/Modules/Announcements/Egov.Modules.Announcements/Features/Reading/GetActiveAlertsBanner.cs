using Egov.Modules.Announcements.Contracts;
using Mediator;

namespace Egov.Modules.Announcements.Features.Reading;

/// <summary>The active alerts for the page banner: the public read side's list, in its compact shape.</summary>
internal sealed class GetActiveAlertsBannerHandler(ISender sender) : IQueryHandler<GetActiveAlertsBannerQuery, IReadOnlyList<ActiveAlertBanner>>
{
    public async ValueTask<IReadOnlyList<ActiveAlertBanner>> Handle(GetActiveAlertsBannerQuery query, CancellationToken cancellationToken)
    {
        var alerts = await sender.Send(new ListActiveAlertsQuery(query.Language), cancellationToken);
        return [.. alerts.Select(a => new ActiveAlertBanner(a.Slug, a.Title, a.Summary, a.Alert?.Severity ?? "Unknown", a.PublishedAt))];
    }
}
