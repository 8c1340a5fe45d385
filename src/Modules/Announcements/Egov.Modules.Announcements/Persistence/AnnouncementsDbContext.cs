using Egov.Modules.Announcements.Domain;
using Egov.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Announcements.Persistence;

internal sealed class AnnouncementsDbContext(DbContextOptions<AnnouncementsDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "announcements";

    public override string Schema => SchemaName;

    public DbSet<Announcement> Announcements => Set<Announcement>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Announcement>(b =>
        {
            b.ToTable("announcements");
            b.HasKey(a => a.Id);
            b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
            b.Property(a => a.Status).HasConversion<string>().HasMaxLength(32);
            b.Property(a => a.Title).HasMaxLength(200);
            b.Property(a => a.Summary).HasMaxLength(1000);
            b.HasIndex(a => new { a.Status, a.PublishedAt, a.Id });
        });
    }
}
