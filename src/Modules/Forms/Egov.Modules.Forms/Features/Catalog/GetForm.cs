using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;

namespace Egov.Modules.Forms.Features.Catalog;

/// <summary>A published version of a form by id or key: the current one, or <paramref name="Version"/>.</summary>
internal sealed record GetFormQuery(string IdOrKey, int? Version) : IQuery<FormVersionResponse>;

internal sealed class GetFormHandler(FormsDbContext db) : IQueryHandler<GetFormQuery, FormVersionResponse>
{
    public async ValueTask<FormVersionResponse> Handle(GetFormQuery query, CancellationToken cancellationToken)
    {
        var form = await db.FindAsync(query.IdOrKey, cancellationToken);
        var version = query.Version is { } number
            ? form.Versions.FirstOrDefault(v => v.Number == number && v.Status == FormVersionStatus.Published)
            : form.CurrentVersion;

        // Drafts are not public; a retired form keeps its published versions readable by number
        // (receipts and applications refer to them) but has no current version.
        return version is null
            ? throw new NotFoundException(query.Version is null
                ? $"Form '{query.IdOrKey}' has no published version."
                : $"Form '{query.IdOrKey}' has no published version {query.Version}.")
            : FormVersionResponse.From(form, version);
    }
}
