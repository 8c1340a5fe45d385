using Egov.Modules.Forms.Contracts;
using Egov.SharedKernel.DataProtection;
using Mediator;

namespace Egov.Modules.Forms.Features.Catalog;

/// <summary>Forms' section of the privacy notice (Art. 13 GDPR): what applies to every online application, then one row per published form.</summary>
internal sealed class GetFormsPrivacyNoticeHandler(ISender sender) : IQueryHandler<GetFormsPrivacyNoticeQuery, PrivacyNoticeSection>
{
    public async ValueTask<PrivacyNoticeSection> Handle(GetFormsPrivacyNoticeQuery query, CancellationToken cancellationToken)
    {
        var forms = await sender.Send(new ListFormProcessingQuery(), cancellationToken);
        return new PrivacyNoticeSection(
            null,
            new("Online-Anträge", "Online applications"),
            new(
                "Rechtsgrundlage ist Art. 6 Abs. 1 lit. c und e DSGVO in Verbindung mit der für den Antrag geltenden Rechtsvorschrift. Empfänger ist die zuständige Stelle der Stadt; nach der Entscheidung werden die Daten so lange aufbewahrt wie angegeben und dann gelöscht.",
                "The legal basis is Art. 6 (1) c and e GDPR together with the law that governs the application. The recipient is the responsible department of the city; after the decision the data is kept as long as stated and then deleted."),
            new PrivacyNoticeTable(
                "forms-caption",
                new("Verarbeitungen der Online-Anträge", "Processing of the online applications"),
                [
                    new("Zweck: Bearbeitung des Antrags", "Purpose: deciding the application"),
                    new("Empfänger (Fachbereich)", "Recipient (department)"),
                    new("Aufbewahrung nach Abschluss", "Kept after closing"),
                ],
                [.. forms.Select(f => (IReadOnlyList<PrivacyNoticeCell>)
                [
                    new PrivacyNoticeCell(new(f.Title.De, f.Title.In("en")), $"/forms/{f.Key}"),
                    new PrivacyNoticeCell(new(f.Department, f.Department)),
                    new PrivacyNoticeCell(new($"{f.RetentionDays} Tage", $"{f.RetentionDays} days")),
                ])]),
            WhenEmpty: new("Zurzeit sind keine Online-Anträge veröffentlicht.", "No online applications are published at the moment."));
    }
}
