namespace Egov.Modules.Outreach.Engines.TextRules;

/// <summary>Where a configured term was found.</summary>
/// <param name="Term">The term as configured.</param>
/// <param name="Value">The text found, as written.</param>
/// <param name="Index">Zero-based UTF-16 offset of <paramref name="Value"/>.</param>
internal sealed record TermMatch(string Term, string Value, int Index);
