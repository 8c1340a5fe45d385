using Egov.Modules.Announcements.Domain;
using Egov.SharedKernel.Errors;

namespace Egov.Modules.Announcements.Features.Feeds;

/// <summary>
/// The language of a feed comes from its URL alone (<c>lang</c>), never from <c>Accept-Language</c>:
/// a feed address is shared, subscribed to and cached, and must show the same to everyone.
/// </summary>
internal static class FeedLanguage
{
    /// <summary>The variant asked for: <c>de</c> when <paramref name="lang"/> is empty, else <c>de</c>, <c>en</c> or <c>de-x-ls</c> (case-insensitive).</summary>
    /// <exception cref="RequestValidationException">Another value (field <c>lang</c>).</exception>
    public static string Parse(string? lang)
    {
        if (string.IsNullOrWhiteSpace(lang))
        {
            return AnnouncementLanguages.German;
        }

        return AnnouncementLanguages.All.FirstOrDefault(l => string.Equals(l, lang.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new RequestValidationException("lang", $"Use one of: {string.Join(", ", AnnouncementLanguages.All)}.");
    }

    /// <summary>
    /// The tag written into a feed (RSS <c>language</c>, Atom <c>xml:lang</c>, HTTP <c>Content-Language</c>;
    /// BCP 47): <c>de-DE</c> for German, <c>en</c>, and <c>de-x-ls</c> for Leichte Sprache.
    /// </summary>
    public static string Tag(string language) => language == AnnouncementLanguages.German ? "de-DE" : language;
}
