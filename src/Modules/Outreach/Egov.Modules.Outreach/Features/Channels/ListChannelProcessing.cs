using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.DataProtection;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Channels;

/// <summary>Every configured channel with its data-protection facts and processing activity (Art. 30 (1) GDPR), by kind and name, for the record of processing.</summary>
internal sealed class ListChannelProcessingHandler(OutreachDbContext db) : IQueryHandler<ListChannelProcessingQuery, IReadOnlyList<ChannelProcessing>>
{
    public async ValueTask<IReadOnlyList<ChannelProcessing>> Handle(ListChannelProcessingQuery query, CancellationToken cancellationToken)
    {
        var channels = await db.Channels.AsNoTracking()
            .OrderBy(c => c.Kind).ThenBy(c => c.Name)
            .Select(c => new { c.Kind, c.Name, c.Enabled, c.CrisisCapable, c.OwningUnit, c.AssessmentDone, c.AssessedOn, c.JointControllershipNote })
            .ToListAsync(cancellationToken);
        return [.. channels.Select(c => new ChannelProcessing(c.Kind, c.Name, c.Enabled, c.CrisisCapable, c.OwningUnit, c.AssessmentDone, c.AssessedOn, c.JointControllershipNote,
            Activity(c.Kind, c.Name, c.CrisisCapable)))];
    }

    private static ProcessingActivity Activity(string kind, string name, bool crisisCapable) => new(
        $"Kanal {name} ({kind})",
        crisisCapable ? "Öffentlichkeitsarbeit und Warnung der Bevölkerung" : "Öffentlichkeitsarbeit",
        crisisCapable ? "Art. 6 Abs. 1 lit. e DSGVO (Öffentlichkeitsarbeit, Gefahrenabwehr)" : "Art. 6 Abs. 1 lit. e DSGVO (Öffentlichkeitsarbeit)",
        "Redaktion und Pressestelle; Personen, die dem Kanal folgen oder antworten",
        "Namen der Redakteurinnen und Redakteure in der Freigabe; Antworten und Nutzerkennungen auf der Plattform",
        kind == OutreachChannelKinds.Webhook ? "Empfänger des Webhooks" : $"Betreiber der Plattform ({kind}); Öffentlichkeit",
        "Zustellprotokolle: Löschung nach der konfigurierten Frist nach der letzten Zustellung; Antworten und Kommentare im Posteingang: Löschung nach der konfigurierten Frist nach dem Abruf");
}
