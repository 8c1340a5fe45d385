using Egov.Modules.Announcements.Domain;
using Egov.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Announcements.Persistence;

/// <summary>
/// The Announcements module's database (schema <c>announcements</c>): announcements and their earlier revisions,
/// warning imports, crisis templates. The mapping is in <c>Configurations/</c>, one
/// <see cref="IEntityTypeConfiguration{TEntity}"/> per aggregate, applied here.
/// </summary>
internal sealed class AnnouncementsDbContext(DbContextOptions<AnnouncementsDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "announcements";

    public override string Schema => SchemaName;

    public DbSet<Announcement> Announcements => Set<Announcement>();

    public DbSet<AnnouncementRevision> AnnouncementRevisions => Set<AnnouncementRevision>();

    /// <summary>Official warnings the automatic reader has handled, one row per CAP identifier.</summary>
    public DbSet<WarningImport> WarningImports => Set<WarningImport>();

    public DbSet<AlertTemplate> AlertTemplates => Set<AlertTemplate>();

    public DbSet<AlertTemplateIssue> AlertTemplateIssues => Set<AlertTemplateIssue>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AnnouncementsDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            JsonDocumentColumn.UseJsonb(modelBuilder);
        }
    }
}
