using Mediator;

namespace Egov.Modules.Announcements.Contracts;

/// <summary>
/// Cross-module query: the announcement categories in force (configured in
/// <c>Egov:Announcements:Categories</c>, or the example list), code → German label, in the
/// configured order. The mobile backend uses it to check and list category topics.
/// </summary>
public sealed record GetAnnouncementCategoriesQuery : IQuery<IReadOnlyDictionary<string, string>>;
