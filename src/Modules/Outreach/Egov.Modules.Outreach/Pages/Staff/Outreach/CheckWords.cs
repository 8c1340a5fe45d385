using Egov.Modules.Outreach.Engines.TextRules;
using Egov.Modules.Outreach.Features.Posts;
using Egov.SharedKernel.Web;

namespace Egov.Modules.Outreach.Pages.Staff.Outreach;

/// <summary>The check report in words for the pages (the module's own messages are English, for logs and the API).</summary>
internal static class CheckWords
{
    public static string Finding(string code) => code switch
    {
        FindingCodes.Length => PortalText.Pick("Text zu lang", "Text too long"),
        FindingCodes.LengthBytes => PortalText.Pick("Text zu groß (Bytes)", "Text too large (bytes)"),
        FindingCodes.Empty => PortalText.Pick("Kein Text", "No text"),
        FindingCodes.MediaCount => PortalText.Pick("Zu viele Bilder", "Too many images"),
        FindingCodes.MediaSize => PortalText.Pick("Bild zu groß für die Plattform", "Image too large for the platform"),
        FindingCodes.MediaType => PortalText.Pick("Bildformat nimmt die Plattform nicht", "Image format not taken by the platform"),
        FindingCodes.AltTextMissing => PortalText.Pick("Alternativtext fehlt", "Alt text missing"),
        FindingCodes.ContentWarningUnsupported => PortalText.Pick("Inhaltswarnung wird hier nicht gesendet", "Content warning not sent here"),
        FindingCodes.PersonalDataEmail => PortalText.Pick("Personenbezogene Daten: E-Mail-Adresse", "Personal data: e-mail address"),
        FindingCodes.PersonalDataPhone => PortalText.Pick("Personenbezogene Daten: Telefonnummer", "Personal data: phone number"),
        FindingCodes.PersonalDataIban => PortalText.Pick("Personenbezogene Daten: IBAN", "Personal data: IBAN"),
        FindingCodes.PersonalDataDenyList => PortalText.Pick("Personenbezogene Daten (Sperrliste)", "Personal data (deny list)"),
        FindingCodes.BannedTerm => PortalText.Pick("Unzulässiger Begriff", "Banned term"),
        FindingCodes.ImprintLinkMissing => PortalText.Pick("Link zum Impressum fehlt", "Imprint link missing"),
        _ => code,
    };

    public static string Severity(FindingSeverity severity) => severity == FindingSeverity.Blocking
        ? PortalText.Pick("verhindert die Freigabe", "blocks approval")
        : PortalText.Pick("Hinweis", "warning");

    /// <summary>"312 von 500 Zeichen", plus the bytes where the platform counts them too.</summary>
    public static string Count(ChannelCheckView channel)
    {
        var count = PortalText.Pick($"{channel.Count} von {channel.Limit} Zeichen", $"{channel.Count} of {channel.Limit} characters");
        return channel is { Bytes: { } bytes, ByteLimit: { } byteLimit }
            ? count + PortalText.Pick($", {bytes} von {byteLimit} Bytes", $", {bytes} of {byteLimit} bytes")
            : count;
    }
}
