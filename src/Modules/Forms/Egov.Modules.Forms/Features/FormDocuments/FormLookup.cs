using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.FormDocuments;

internal static class FormLookup
{
    /// <summary>The form with this id or key (versions included).</summary>
    /// <exception cref="NotFoundException">No such form.</exception>
    public static async Task<FormDefinition> FindAsync(this FormsDbContext db, string idOrKey, CancellationToken cancellationToken)
    {
        var form = Guid.TryParse(idOrKey, out var id)
            ? await db.FormDefinitions.FirstOrDefaultAsync(f => f.Id == id, cancellationToken)
            : await db.FormDefinitions.FirstOrDefaultAsync(f => f.Key == idOrKey, cancellationToken);
        return form ?? throw new NotFoundException($"There is no form '{idOrKey}'.");
    }
}
