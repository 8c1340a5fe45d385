using Egov.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Persistence;

/// <summary>
/// The Outreach module's database (schema <c>outreach</c>). Each feature area keeps its sets in a
/// partial file of its own and its mapping in <see cref="IEntityTypeConfiguration{TEntity}"/>
/// classes of this assembly, which are applied here.
/// </summary>
internal sealed partial class OutreachDbContext(DbContextOptions<OutreachDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "outreach";

    public override string Schema => SchemaName;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OutreachDbContext).Assembly);
    }
}
