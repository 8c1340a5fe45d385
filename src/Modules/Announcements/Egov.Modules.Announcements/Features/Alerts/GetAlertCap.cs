using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Engines.Cap;
using Egov.Modules.Announcements.Features.Authoring;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Announcements.Features.Alerts;

/// <summary>An alert as a CAP 1.2 document (UTF-8 XML).</summary>
internal sealed record GetAlertCapQuery(Guid Id) : IQuery<byte[]>;

/// <summary>Writes published alerts as CAP 1.2 (<see cref="AlertCapExport"/>, <see cref="CapXmlWriter"/>).</summary>
internal sealed class GetAlertCapHandler(AnnouncementsDbContext db, IOptions<AnnouncementOptions> options, IOptions<PublicSiteOptions> site)
    : IQueryHandler<GetAlertCapQuery, byte[]>
{
    public async ValueTask<byte[]> Handle(GetAlertCapQuery query, CancellationToken cancellationToken)
    {
        var alert = await db.Announcements.AsNoTracking().FirstOrDefaultAsync(a =>
                a.Id == query.Id && a.Kind == AnnouncementKind.Alert && (a.Status == AnnouncementStatus.Published || a.Status == AnnouncementStatus.Expired),
                cancellationToken)
            ?? throw new NotFoundException($"There is no public alert {query.Id}.");
        var references = alert.Content.Alert!.References;
        var referenced = await db.Announcements.AsNoTracking().Where(a => references.Contains(a.Id) && a.PublishedAt != null).ToListAsync(cancellationToken);
        return CapXmlWriter.Write(AlertCapExport.ToCap(alert, referenced, options.Value, site.Value));
    }
}
