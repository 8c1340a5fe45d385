using Egov.Modules.Outreach.Engines.TextRules;

namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>
/// Writes a post text that Egov derives itself (alerts, cross-posts) so that it fits a platform's
/// limit: a headline and a body, the body shortened first and then the headline, each with "…",
/// counted by the platform's own rules on the exact text (with the link appended).
/// </summary>
internal sealed class TextFitter(PostChecker checker)
{
    /// <returns>The text, and the check of the exact text it will be sent as (other findings are the caller's to judge).</returns>
    public (string Text, ChannelCheckResult Result) Fit(string kind, ChannelCapabilities capabilities, string headline, string body, string? link, bool requiresImprintLink)
    {
        ChannelCheckResult Check(string text) =>
            checker.Check(new PostCheckRequest(kind, capabilities, text, null, link, [], [], IsPublic: true, requiresImprintLink));

        static string Join(string head, string rest) => rest.Length == 0 ? head : $"{head}\n\n{rest}";

        var text = Join(headline, body);
        var result = Check(text);
        while (!FitsLength(result) && (body.Length > 0 || headline.Length > 20))
        {
            if (body.Length > 0)
            {
                body = body.Length > 40 ? string.Concat(body.AsSpan(0, body.Length * 3 / 4).TrimEnd(), "…") : "";
            }
            else
            {
                headline = string.Concat(headline.AsSpan(0, headline.Length * 3 / 4).TrimEnd(), "…");
            }

            text = Join(headline, body);
            result = Check(text);
        }

        return (text, result);
    }

    private static bool FitsLength(ChannelCheckResult result) =>
        !result.Findings.Any(f => f.Severity == FindingSeverity.Blocking && f.Code is FindingCodes.Length or FindingCodes.LengthBytes);
}
