using System.Globalization;
using Egov.SharedKernel.Time;

namespace Egov.SharedKernel.Web;

/// <summary>
/// The portal's two languages: German (default) and English. Pages write both texts side by side,
/// <c>PortalText.Pick("Anträge", "Applications")</c>, so a reader sees the translation where it is
/// used; the request's UI culture (cookie, else <c>Accept-Language</c>) decides which one shows.
/// </summary>
public static class PortalText
{
    /// <summary>The languages the portal speaks, German first (the default).</summary>
    public static IReadOnlyList<string> Languages { get; } = ["de", "en"];

    /// <summary>The current request's language: <c>en</c> or <c>de</c>.</summary>
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "de";

    /// <summary>The text in the current language.</summary>
    public static string Pick(string german, string english) => Language == "en" ? english : german;

    /// <summary>An instant shown as date and time in Europe/Berlin, e.g. <c>29.11.2026, 14:05</c> or <c>29 Nov 2026, 14:05</c>.</summary>
    public static string DateTime(DateTimeOffset instant) =>
        CivilTime.ToBerlin(instant).ToString(Language == "en" ? "d MMM yyyy, HH:mm" : "dd.MM.yyyy, HH:mm", CultureInfo.CurrentCulture);

    /// <summary>An instant shown as its date in Europe/Berlin.</summary>
    public static string Date(DateTimeOffset instant) => Date(DateOnly.FromDateTime(CivilTime.ToBerlin(instant).DateTime));

    /// <summary>A calendar date (no time zone: date-only values stay dates).</summary>
    public static string Date(DateOnly date) =>
        date.ToString(Language == "en" ? "d MMM yyyy" : "dd.MM.yyyy", CultureInfo.CurrentCulture);

    /// <summary>An instant as the ISO 8601 value of a <c>&lt;time datetime&gt;</c> attribute (UTC).</summary>
    public static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
