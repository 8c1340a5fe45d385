using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Egov.Modules.Outreach.Features.Channels.Kinds;
using Egov.Modules.Outreach.Features.Deliveries;
using Egov.SharedKernel.Time;
using Egov.Typesetting;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.ChannelReview;

/// <summary>
/// The channel review for the council as a PDF (ADR 0027): the channel report (<see cref="ChannelReport"/>) composed as a
/// document of the shared typesetter (<c>Egov.Typesetting</c>, the receipts' engine: DejaVu faces embedded, tagged PDF) —
/// an overview table, then per channel its posts, deliveries and failure rate, reach and engagement where the platform
/// gives them, inbox volume and median response time, and the age of its data-protection assessment. German, dates and
/// times in Europe/Berlin, decimals with a comma.
/// </summary>
internal sealed class ChannelReviewDocument(ReceiptRenderer renderer, ChannelKinds kinds, IOptions<OutreachOptions> options, TimeProvider time)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>The report as PDF bytes.</summary>
    public byte[] Render(ChannelReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var period = Period(report);
        var now = time.GetUtcNow();
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{report.From:O}|{report.To:O}|{now:O}")))[..32];
        var overview = new ReceiptTable(new ReceiptLabel("Übersicht"),
            ["Kanal", "Beiträge", "Fehlerquote", "Posteingang", "Antwortzeit (Median)", "DSFA-Alter"],
            [.. report.Channels.Select(c => (IReadOnlyList<string>)[c.Name, Number(c.Posts), Percent(c.FailureRate), Number(c.InboxItems), Hours(c.MedianResponseHours), Days(c.AssessmentAgeDays)])]);
        var sections = new List<ReceiptSection> { new(null, 1, [overview]) };
        sections.AddRange(report.Channels.Select(c => new ReceiptSection(new ReceiptLabel($"{c.Name} ({KindName(c.Kind)})"), 1, Fields(c))));
        var document = new ReceiptDocument(
            "de-DE",
            null,
            new ReceiptMetadata($"Kanalbericht {period}", options.Value.ReviewIssuer, "Social-Media-Kanäle: Nutzung, Zustellung, Posteingang, Datenschutz", now, id),
            new ReceiptAuthority(options.Value.ReviewIssuer, [], []),
            new ReceiptLabel("Kanalbericht für den Rat"),
            new ReceiptLabel($"Zeitraum {period} (Europe/Berlin). Je Kanal: Beiträge und Zustellungen, Fehlerquote, Reichweite und Interaktionen, soweit die Plattform sie liefert, Einträge im Posteingang und die mittlere Antwortzeit bis zur veröffentlichten Antwort, Alter der Datenschutz-Folgenabschätzung (Art. 35 DSGVO) am Ende des Zeitraums."),
            [
                new ReceiptField(new ReceiptLabel("Zeitraum"), period),
                new ReceiptField(new ReceiptLabel("Erstellt"), CivilTime.ToBerlin(now).ToString("dd.MM.yyyy HH:mm", German) + " Uhr"),
                new ReceiptField(new ReceiptLabel("Kanäle"), Number(report.Channels.Count)),
            ],
            sections,
            null,
            new ReceiptFooter($"Kanalbericht {period}", "Seite {0} von {1}"));
        return renderer.Render(document);
    }

    private string KindName(string kind) => kinds.Find(kind)?.DisplayNameDe ?? kind;

    private static List<ReceiptBlock> Fields(ChannelReportRow c) =>
    [
        new ReceiptField(new ReceiptLabel("Status"), c.RetiredAt is { } retired ? $"eingestellt am {CivilTime.ToBerlin(retired).ToString("dd.MM.yyyy", German)}" : c.Enabled ? "aktiv" : "deaktiviert"),
        new ReceiptField(new ReceiptLabel("Beiträge"), Number(c.Posts)),
        new ReceiptField(new ReceiptLabel("Zustellungen"), $"{Number(c.Deliveries)} (gesendet {Number(c.Sent)}, fehlgeschlagen {Number(c.Failed)}, ungewiss {Number(c.Uncertain)})"),
        new ReceiptField(new ReceiptLabel("Fehlerquote"), Percent(c.FailureRate)),
        new ReceiptField(new ReceiptLabel("Zustellzeit (Median)"), c.MedianLatencySeconds is { } seconds ? seconds.ToString("0.#", German) + " s" : "–"),
        new ReceiptField(new ReceiptLabel("Reichweite und Interaktionen"), c.Favourites is null
            ? "von der Plattform nicht geliefert"
            : $"Favoriten/Reaktionen {Number(c.Favourites.Value)}, geteilt {Number(c.Boosts ?? 0)}, Antworten {Number(c.Replies ?? 0)}"),
        new ReceiptField(new ReceiptLabel("Posteingang"), $"{Number(c.InboxItems)} Einträge, davon {Number(c.InboxAnswered)} beantwortet"),
        new ReceiptField(new ReceiptLabel("Antwortzeit (Median)"), Hours(c.MedianResponseHours)),
        new ReceiptField(new ReceiptLabel("Datenschutz-Folgenabschätzung"), c.AssessedOn is { } on
            ? $"vom {on.ToString("dd.MM.yyyy", German)}, {Days(c.AssessmentAgeDays)} alt"
            : "keine erfasst"),
    ];

    private static string Period(ChannelReport report) =>
        $"{CivilTime.ToBerlin(report.From).ToString("dd.MM.yyyy", German)} – {CivilTime.ToBerlin(report.To).ToString("dd.MM.yyyy", German)}";

    private static string Number(int value) => value.ToString("N0", German);

    private static string Percent(double? rate) => rate is { } value ? (value * 100).ToString("0.0", German) + " %" : "–";

    private static string Hours(double? hours) => hours is { } value ? value.ToString("0.0", German) + " h" : "–";

    private static string Days(int? days) => days is { } value ? Number(value) + (value == 1 ? " Tag" : " Tage") : "–";
}
