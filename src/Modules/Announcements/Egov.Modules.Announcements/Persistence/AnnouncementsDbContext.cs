using System.Text.Json;
using Egov.Modules.Announcements.Domain;
using Egov.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Announcements.Persistence;

/// <summary>The Announcements module's database (schema <c>announcements</c>): announcements and their earlier revisions.</summary>
internal sealed class AnnouncementsDbContext(DbContextOptions<AnnouncementsDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "announcements";

    private static readonly JsonSerializerOptions ContentJson = new(JsonSerializerDefaults.Web);

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
        modelBuilder.Entity<Announcement>(b =>
        {
            b.ToTable("announcements");
            b.HasKey(a => a.Id);
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.Slug).HasMaxLength(120);
            b.HasIndex(a => a.Slug).IsUnique();
            b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
            b.Property(a => a.Status).HasConversion<string>().HasMaxLength(32);
            b.Property(a => a.Title).HasMaxLength(200);
            b.Property(a => a.Summary).HasMaxLength(1000);
            b.Property(a => a.AuthorSubject).HasMaxLength(200);
            b.Property(a => a.AuthorName).HasMaxLength(200);
            b.Property(a => a.ApprovedBySubject).HasMaxLength(200);
            b.Property(a => a.ApprovedByName).HasMaxLength(200);
            b.Property(a => a.CorrectionNote).HasMaxLength(1000);
            b.Property(a => a.Version).IsConcurrencyToken();
            b.Ignore(a => a.NeedsApproval);
            b.Ignore(a => a.IsApproved);
            JsonColumn(b.Property(a => a.Content));
            b.HasIndex(a => new { a.Status, a.PublishedAt, a.Id });
            b.HasIndex(a => new { a.Status, a.PublishAt });
            b.HasIndex(a => new { a.Status, a.ExpireAt });
        });

        modelBuilder.Entity<AnnouncementRevision>(b =>
        {
            b.ToTable("announcement_revisions");
            b.HasKey(r => r.Id);
            b.Property(r => r.Id).ValueGeneratedNever();
            b.Property(r => r.ReplacedBySubject).HasMaxLength(200);
            JsonColumn(b.Property(r => r.Content));
            b.HasOne<Announcement>().WithMany().HasForeignKey(r => r.AnnouncementId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(r => new { r.AnnouncementId, r.Revision }).IsUnique();
        });

        modelBuilder.Entity<WarningImport>(b =>
        {
            b.ToTable("warning_imports");
            // The primary key on the source's identifier is what keeps two instances from importing one warning twice.
            b.HasKey(w => w.Identifier);
            b.Property(w => w.Identifier).HasMaxLength(300);
            b.Property(w => w.Source).HasMaxLength(32);
            b.Property(w => w.Outcome).HasConversion<string>().HasMaxLength(16);
            b.Property(w => w.Note).HasMaxLength(1000);
        });

        modelBuilder.Entity<AlertTemplate>(b =>
        {
            b.ToTable("alert_templates");
            b.HasKey(t => t.Id);
            b.Property(t => t.Id).ValueGeneratedNever();
            b.Property(t => t.Name).HasMaxLength(200);
            b.Property(t => t.AuthorSubject).HasMaxLength(200);
            b.Property(t => t.AuthorName).HasMaxLength(200);
            b.Property(t => t.ApprovedBySubject).HasMaxLength(200);
            b.Property(t => t.ApprovedByName).HasMaxLength(200);
            b.Property(t => t.Version).IsConcurrencyToken();
            JsonColumn(b.Property(t => t.Content));
        });

        modelBuilder.Entity<AlertTemplateIssue>(b =>
        {
            b.ToTable("alert_template_issues");
            b.HasKey(i => i.Id);
            b.Property(i => i.Id).ValueGeneratedNever();
            b.Property(i => i.IssuedBySubject).HasMaxLength(200);
            b.Property(i => i.IssuedByName).HasMaxLength(200);
            JsonColumn(b.Property(i => i.Values));
            b.HasOne<AlertTemplate>().WithMany().HasForeignKey(i => i.TemplateId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Announcement>().WithMany().HasForeignKey(i => i.AnnouncementId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(i => new { i.TemplateId, i.IssuedAt });
        });
    }

    /// <summary>One JSON document (jsonb on PostgreSQL): always read and written whole.</summary>
    private void JsonColumn<T>(PropertyBuilder<T> property)
        where T : class
    {
        property.HasConversion(
            c => JsonSerializer.Serialize(c, ContentJson),
            json => JsonSerializer.Deserialize<T>(json, ContentJson)!,
            new ValueComparer<T>(
                (a, c) => JsonSerializer.Serialize(a, ContentJson) == JsonSerializer.Serialize(c, ContentJson),
                c => JsonSerializer.Serialize(c, ContentJson).GetHashCode(StringComparison.Ordinal),
                c => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(c, ContentJson), ContentJson)!));
        if (Database.IsNpgsql())
        {
            property.HasColumnType("jsonb");
        }
    }
}
