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
            Json(b.Property(a => a.Content));
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
            Json(b.Property(r => r.Content));
            b.HasOne<Announcement>().WithMany().HasForeignKey(r => r.AnnouncementId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(r => new { r.AnnouncementId, r.Revision }).IsUnique();
        });
    }

    /// <summary>One JSON document (jsonb on PostgreSQL): always read and written whole.</summary>
    private void Json(PropertyBuilder<AnnouncementContent> property)
    {
        property.HasConversion(
            c => JsonSerializer.Serialize(c, ContentJson),
            json => JsonSerializer.Deserialize<AnnouncementContent>(json, ContentJson)!,
            new ValueComparer<AnnouncementContent>(
                (a, c) => JsonSerializer.Serialize(a, ContentJson) == JsonSerializer.Serialize(c, ContentJson),
                c => JsonSerializer.Serialize(c, ContentJson).GetHashCode(StringComparison.Ordinal),
                c => JsonSerializer.Deserialize<AnnouncementContent>(JsonSerializer.Serialize(c, ContentJson), ContentJson)!));
        if (Database.IsNpgsql())
        {
            property.HasColumnType("jsonb");
        }
    }
}
