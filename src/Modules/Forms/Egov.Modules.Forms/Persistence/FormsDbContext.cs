using Egov.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Persistence;

/// <summary>The Forms module's database (schema <c>forms</c>); form definitions and applications follow.</summary>
internal sealed class FormsDbContext(DbContextOptions<FormsDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "forms";

    public override string Schema => SchemaName;
}
