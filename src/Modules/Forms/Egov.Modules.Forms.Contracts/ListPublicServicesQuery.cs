using Mediator;

namespace Egov.Modules.Forms.Contracts;

/// <summary>
/// Cross-module query: the public service catalog — every form with a published version and not
/// retired (the same list as <c>GET /api/v1/forms</c>), by key, described by its current published
/// version. The portal's home page and search show it as service cards.
/// </summary>
/// <param name="Search">
/// Words to look for, separated by spaces; a service is listed when every word occurs in its title or
/// description, in German or English, ignoring case (the current culture's rules). Null or blank: every service.
/// </param>
/// <param name="Limit">How many services at most, 1 to 100 (400, field <c>limit</c>, otherwise). A search looks through the first 100 services by key.</param>
public sealed record ListPublicServicesQuery(string? Search, int Limit) : IQuery<IReadOnlyList<PublicService>>;

/// <summary>One online service (form) of the catalog.</summary>
/// <param name="Key">The form's key, its address: the form is <c>/forms/{Key}</c>, e.g. <c>hundesteuer-anmeldung</c>.</param>
/// <param name="Title">Title, German and English.</param>
/// <param name="Description">Description, German and English.</param>
/// <param name="Department">The department that decides the application.</param>
/// <param name="FeeAmountEur">The fee in euros (0: free of charge).</param>
/// <param name="ProcessingDeadlineDays">Calendar days the city takes to decide, as published.</param>
public sealed record PublicService(
    string Key, FormText Title, FormText Description, string Department, decimal FeeAmountEur, int ProcessingDeadlineDays);

/// <summary>A text of a form in German and, when translated, English.</summary>
/// <param name="De">The German text (always present).</param>
/// <param name="En">The English text, or null when not translated.</param>
public sealed record FormText(string De, string? En)
{
    /// <summary>The English text when <paramref name="language"/> is <c>en</c> and it is present, else the German.</summary>
    public string In(string language) => language == "en" && !string.IsNullOrWhiteSpace(En) ? En : De;
}
