using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Catalog;

internal static class FormLookup
{
    /// <summary>The form with this id or key (versions included).</summary>
    /// <exception cref="NotFoundException">No such form.</exception>
    public static Task<FormDefinition> FindAsync(this FormsDbContext db, string idOrKey, CancellationToken cancellationToken) =>
        FindAsync(db.FormDefinitions, idOrKey, cancellationToken);

    /// <summary>
    /// The form with this id or key (versions included), not tracked: for reading only. Tracking
    /// would snapshot every version's whole JSON document and compare it again at every save.
    /// </summary>
    /// <exception cref="NotFoundException">No such form.</exception>
    public static Task<FormDefinition> FindForReadingAsync(this FormsDbContext db, string idOrKey, CancellationToken cancellationToken) =>
        FindAsync(db.FormDefinitions.AsNoTracking(), idOrKey, cancellationToken);

    private static async Task<FormDefinition> FindAsync(IQueryable<FormDefinition> forms, string idOrKey, CancellationToken cancellationToken)
    {
        var form = Guid.TryParse(idOrKey, out var id)
            ? await forms.FirstOrDefaultAsync(f => f.Id == id, cancellationToken)
            : await forms.FirstOrDefaultAsync(f => f.Key == idOrKey, cancellationToken);
        return form ?? throw new NotFoundException($"There is no form '{idOrKey}'.");
    }
}
