using System.Collections.Concurrent;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Catalog;

/// <summary>
/// Published form versions by form and number, kept in memory once read. A published version never
/// changes (see <see cref="FormVersion"/>), so the cache needs no invalidation, also across host
/// instances; drafts are read from the database every time and never cached. This spares every
/// submission and receipt reading and deserialising the form's whole definition (tens of KB of
/// JSON) and tracking it.
/// </summary>
internal sealed class PublishedFormVersions
{
    private readonly ConcurrentDictionary<(Guid FormId, int Number), FormVersion> _published = new();

    /// <summary>The version <paramref name="number"/> of the form <paramref name="formId"/> (not tracked; do not change it).</summary>
    /// <exception cref="NotFoundException">The form has no such version.</exception>
    public async Task<FormVersion> GetAsync(FormsDbContext db, Guid formId, int number, CancellationToken cancellationToken)
    {
        if (_published.TryGetValue((formId, number), out var cached))
        {
            return cached;
        }

        var version = await db.FormVersions.AsNoTracking().FirstOrDefaultAsync(v => v.FormDefinitionId == formId && v.Number == number, cancellationToken)
            ?? throw new NotFoundException($"Form {formId} has no version {number}.");
        if (version.Status == FormVersionStatus.Published)
        {
            _published.TryAdd((formId, number), version);
        }

        return version;
    }
}
