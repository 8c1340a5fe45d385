using Egov.Modules.Outreach.Domain;
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

    public DbSet<CrossPostCandidate> CrossPostCandidates => Set<CrossPostCandidate>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<CrossPostCandidate>(b =>
        {
            b.ToTable("cross_post_candidates");
            b.HasKey(c => c.AnnouncementId);
            b.Property(c => c.Kind).HasMaxLength(32);
            b.Property(c => c.Title).HasMaxLength(200);
        });
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OutreachDbContext).Assembly);
    }
}
