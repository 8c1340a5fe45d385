using Mediator;

namespace Egov.Modules.Outreach.Features.Push;

/// <summary>The topic catalogue in <paramref name="Language"/> (de or en).</summary>
internal sealed record GetTopicCatalogQuery(string Language) : IQuery<TopicCatalogResponse>;
