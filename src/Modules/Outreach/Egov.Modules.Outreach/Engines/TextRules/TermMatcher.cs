using System.Text.RegularExpressions;

namespace Egov.Modules.Outreach.Engines.TextRules;

/// <summary>
/// Finds configured terms (banned terms, deny-listed names) in a text: case-insensitively (culture-invariant)
/// and as whole words — a term matches only where no letter, digit or '_' touches it on either side, so
/// "Amt" does not hit "Amtsblatt". A <c>*</c> at the start or end of a term stands for the rest of the word
/// ("idiot*" also finds "Idioten"), which covers German compounds where wanted. White space inside a term
/// matches any run of white space, line breaks included.
/// </summary>
internal sealed class TermMatcher
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private readonly IReadOnlyList<(string Term, Regex Pattern)> _terms;

    public TermMatcher(IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        _terms = [.. terms
            .Where(term => !string.IsNullOrWhiteSpace(term.Trim('*')))
            .Select(term => term.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(term => (term, new Regex(PatternOf(term), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout)))];
    }

    /// <summary>Every occurrence of every term, in text order.</summary>
    public IReadOnlyList<TermMatch> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. _terms
            .SelectMany(entry => entry.Pattern.Matches(text).Select(match => new TermMatch(entry.Term, match.Value, match.Index)))
            .OrderBy(match => match.Index)];
    }

    private static string PatternOf(string term)
    {
        var core = term.Trim('*').Trim();
        var words = core.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape);
        var restOfWord = @"\w*";
        return @"(?<!\w)"
            + (term.StartsWith('*') ? restOfWord : string.Empty)
            + string.Join(@"\s+", words)
            + (term.EndsWith('*') ? restOfWord : string.Empty)
            + @"(?!\w)";
    }
}
