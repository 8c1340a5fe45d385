using Egov.Modules.Outreach.Domain;
using Egov.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Persistence;

internal sealed class OutreachDbContext(DbContextOptions<OutreachDbContext> options) : ModuleDbContext(options)
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
    }
}
