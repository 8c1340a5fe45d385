using Egov.Modules.Forms.Contracts;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Catalog;

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
            return new FormProcessing(f.Key, new FormText(content.Title.De, content.Title.En), content.Department, content.RetentionDays, content.AttachmentSlots.Count, content.RetentionAction);
        }).ToList();
    }
}
