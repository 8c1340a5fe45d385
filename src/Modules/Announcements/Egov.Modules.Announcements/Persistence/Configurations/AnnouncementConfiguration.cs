using Egov.Modules.Announcements.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Announcements.Persistence.Configurations;

/// <summary>The announcement (<c>announcements</c>) and the earlier revisions of a corrected one (<c>announcement_revisions</c>).</summary>
internal sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>, IEntityTypeConfiguration<AnnouncementRevision>
{
    public void Configure(EntityTypeBuilder<Announcement> builder)
    {
        builder.ToTable("announcements");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Slug).HasMaxLength(120);
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Summary).HasMaxLength(1000);
        builder.Property(a => a.AuthorSubject).HasMaxLength(200);
        builder.Property(a => a.AuthorName).HasMaxLength(200);
        builder.Property(a => a.ApprovedBySubject).HasMaxLength(200);
        builder.Property(a => a.ApprovedByName).HasMaxLength(200);
        builder.Property(a => a.CorrectionNote).HasMaxLength(1000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.NeedsApproval);
        builder.Ignore(a => a.IsApproved);
        builder.Property(a => a.Content).IsJsonDocument();
        builder.HasIndex(a => new { a.Status, a.PublishedAt, a.Id });
        builder.HasIndex(a => new { a.Status, a.PublishAt });
        builder.HasIndex(a => new { a.Status, a.ExpireAt });

        // The scheduler claims due rows with a lease (ADR 0020).
        builder.Property(a => a.LockOwner).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<AnnouncementRevision> builder)
    {
        builder.ToTable("announcement_revisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ReplacedBySubject).HasMaxLength(200);
        builder.Property(r => r.Content).IsJsonDocument();
        builder.HasOne<Announcement>().WithMany().HasForeignKey(r => r.AnnouncementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.AnnouncementId, r.Revision }).IsUnique();
    }
}
