using Mediator;

namespace Egov.Modules.Announcements.Contracts;

/// <summary>
/// Cross-module query: the alerts in force now (published, not expired, not superseded, not
/// cancels), most recent first, in the given language where a variant exists (German otherwise).
/// The host's page layout shows them as a banner on every page.
/// </summary>
/// <param name="Language"><c>de</c> or <c>en</c>.</param>
public sealed record GetActiveAlertsBannerQuery(string Language) : IQuery<IReadOnlyList<ActiveAlertBanner>>;

/// <summary>One alert in force, as the banner shows it.</summary>
/// <param name="Slug">URL name: the public page is <c>/announcements/{Slug}</c>.</param>
/// <param name="Title">Title in the language shown.</param>
/// <param name="Summary">Plain-text summary.</param>
/// <param name="Severity">CAP severity: Extreme, Severe, Moderate, Minor or Unknown.</param>
/// <param name="PublishedAt">When it was issued (UTC).</param>
public sealed record ActiveAlertBanner(string Slug, string Title, string Summary, string Severity, DateTimeOffset PublishedAt);
