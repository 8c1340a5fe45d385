using Egov.Modules.Mobile.Domain.Devices;
using Mediator;

namespace Egov.Modules.Mobile.Features.Devices;

/// <summary>The topic catalogue in <paramref name="Language"/> (de or en).</summary>
internal sealed record GetTopicCatalogQuery(string Language) : IQuery<TopicCatalogResponse>;

/// <summary>Lists thresholds, categories and the region format.</summary>
internal sealed class GetTopicCatalogHandler(TopicCatalog catalog) : IQueryHandler<GetTopicCatalogQuery, TopicCatalogResponse>
{
    public async ValueTask<TopicCatalogResponse> Handle(GetTopicCatalogQuery query, CancellationToken cancellationToken)
    {
        var english = query.Language == "en";
        var alerts = Enum.GetValues<AlertSeverity>().Select(s => new TopicDescription(DeviceTopic.Alerts(s).ToString(), (s, english) switch
        {
            (AlertSeverity.Minor, false) => "Alle Warnungen",
            (AlertSeverity.Moderate, false) => "Warnungen ab mittlerer Gefahr",
            (AlertSeverity.Severe, false) => "Warnungen vor hoher und extremer Gefahr",
            (AlertSeverity.Extreme, false) => "Nur Warnungen vor extremer Gefahr",
            (AlertSeverity.Minor, true) => "All alerts",
            (AlertSeverity.Moderate, true) => "Alerts of moderate danger and above",
            (AlertSeverity.Severe, true) => "Alerts of severe and extreme danger",
            _ => "Only alerts of extreme danger",
        })).ToList();
        var categories = (await catalog.CategoriesAsync(cancellationToken))
            .Select(c => new TopicDescription(DeviceTopic.Category(c.Key).ToString(), c.Value)).ToList();
        var regions = new RegionTopicDescription(
            "^region:[0-9]{12}$", "region:091620000000", Device.MaxRegions,
            english
                ? "Only alerts for areas that overlap this regional key (ARS); without regions, every alert of the city."
                : "Nur Warnungen für Gebiete, die diesen Regionalschlüssel (ARS) berühren; ohne Region alle Warnungen der Stadt.");
        return new TopicCatalogResponse(alerts, categories, regions);
    }
}
