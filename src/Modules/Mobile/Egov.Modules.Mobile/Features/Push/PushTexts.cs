using Egov.Modules.Forms.Contracts;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>The fixed texts of notifications, German and English.</summary>
internal static class PushTexts
{
    /// <summary>Longest title pushed; longer headlines are cut with an ellipsis (a Web Push payload has at most about 4 KB).</summary>
    public const int MaxTitleLength = 200;

    /// <summary>Longest second line pushed.</summary>
    public const int MaxBodyLength = 300;

    /// <summary>
    /// The title of a status push, for each status of <see cref="ApplicationStatusNotifications"/>
    /// (the one list of statuses the applicant is told about, mail and push alike).
    /// </summary>
    public static string StatusTitle(string status, string language) => (status, language) switch
    {
        (ApplicationStatuses.Submitted, "en") => "Your application has been received",
        (ApplicationStatuses.Withdrawn, "en") => "Your application has been withdrawn",
        (ApplicationStatuses.InformationRequested, "en") => "Documents or information are needed for your application",
        (ApplicationStatuses.Approved, "en") => "Your application has been approved",
        (ApplicationStatuses.Rejected, "en") => "A decision has been made on your application",
        (_, "en") => "The status of your application has changed",
        (ApplicationStatuses.Submitted, _) => "Ihr Antrag ist eingegangen",
        (ApplicationStatuses.Withdrawn, _) => "Ihr Antrag wurde zurückgezogen",
        (ApplicationStatuses.InformationRequested, _) => "Für Ihren Antrag werden Unterlagen oder Angaben benötigt",
        (ApplicationStatuses.Approved, _) => "Ihr Antrag wurde bewilligt",
        (ApplicationStatuses.Rejected, _) => "Über Ihren Antrag wurde entschieden",
        _ => "Der Status Ihres Antrags hat sich geändert",
    };

    public static string StatusBody(string language) => language == "en"
        ? "Open the app to see the details."
        : "Öffnen Sie die App, um die Einzelheiten zu sehen.";

    public static string AllClear(string headline, string language) =>
        Cut((language == "en" ? "All clear: " : "Entwarnung: ") + headline, MaxTitleLength);

    public static string Cut(string text, int length) =>
        text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1).TrimEnd(), "…");
}
