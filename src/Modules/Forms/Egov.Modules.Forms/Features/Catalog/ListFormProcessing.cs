using Egov.Modules.Forms.Contracts;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.DataProtection;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Catalog;

/// <summary>Every published form with its processing activity (Art. 30 (1) GDPR), worded here from the form version's facts.</summary>
internal sealed class ListFormProcessingHandler(FormsDbContext db) : IQueryHandler<ListFormProcessingQuery, IReadOnlyList<FormProcessing>>
{
    public async ValueTask<IReadOnlyList<FormProcessing>> Handle(ListFormProcessingQuery query, CancellationToken cancellationToken)
    {
        var forms = await db.FormDefinitions.AsNoTracking()
            .Where(f => f.RetiredAt == null && f.Versions.Any(v => v.Status == FormVersionStatus.Published))
            .OrderBy(f => f.Key)
            .ToListAsync(cancellationToken);
        return forms.Select(f =>
        {
            var content = f.CurrentVersion!.Content;
            return new FormProcessing(f.Key, new FormText(content.Title.De, content.Title.En), content.Department, content.RetentionDays, content.AttachmentSlots.Count, content.RetentionAction,
                Activity(content));
        }).ToList();
    }

    private static ProcessingActivity Activity(FormContent form) => new(
        $"Online-Antrag „{form.Title.De}“",
        $"Entgegennahme, Bearbeitung und Entscheidung des Antrags „{form.Title.De}“",
        "Art. 6 Abs. 1 lit. c und e DSGVO in Verbindung mit dem Fachrecht des Verfahrens und dem Onlinezugangsgesetz",
        "Antragstellende (Bürgerinnen und Bürger, Gewerbetreibende)",
        form.AttachmentSlots.Count > 0
            ? "Identitäts- und Kontaktdaten aus dem Login, Antragsdaten nach dem Formular, hochgeladene Nachweise, Nachrichten"
            : "Identitäts- und Kontaktdaten aus dem Login, Antragsdaten nach dem Formular, Nachrichten",
        $"Fachbereich {form.Department} der Stadtverwaltung; Fachverfahren, an die der Vorgang übergeben wird",
        $"{form.RetentionDays} Tage nach Abschluss des Vorgangs, dann {(form.RetentionAction == RetentionActions.Strip ? "Entfernung der personenbezogenen Daten (statistischer Datensatz bleibt)" : "Löschung")}; nicht eingereichte Entwürfe nach der konfigurierten Frist");
}
