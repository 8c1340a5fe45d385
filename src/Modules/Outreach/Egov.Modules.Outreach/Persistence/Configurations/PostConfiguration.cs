using Egov.Modules.Outreach.Domain.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Outreach.Persistence.Configurations;

internal sealed class PostConfiguration :
    IEntityTypeConfiguration<Post>, IEntityTypeConfiguration<PostVariant>, IEntityTypeConfiguration<PostHistoryEntry>, IEntityTypeConfiguration<PostMedia>
{
    public void Configure(EntityTypeBuilder<Post> b)
    {
        b.ToTable("posts");
        b.HasKey(p => p.Id);
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(p => p.AuthorSubject).HasMaxLength(200);
        b.Property(p => p.AuthorName).HasMaxLength(200);
        b.Property(p => p.Approval).HasJsonConversion();
        b.Property(p => p.BreakGlassReviewedBy).HasMaxLength(200);
        b.Property(p => p.RejectionReason).HasMaxLength(2000);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasMany(p => p.Variants).WithOne().HasForeignKey(v => v.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.History).WithOne().HasForeignKey(h => h.PostId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Variants).AutoInclude();
        b.HasIndex(p => new { p.Status, p.UpdatedAt });
        b.HasIndex(p => new { p.Status, p.PublishAt });
        b.HasIndex(p => p.AlertId);
        b.HasIndex(p => p.AnnouncementId);
    }

    public void Configure(EntityTypeBuilder<PostVariant> b)
    {
        b.ToTable("post_variants");
        b.HasKey(v => v.Id);

        // Ids are set by the domain: a variant reached through its post is new, not an existing row.
        b.Property(v => v.Id).ValueGeneratedNever();
        b.Property(v => v.Text).HasMaxLength(20_000);
        b.Property(v => v.Language).HasMaxLength(35);
        b.Property(v => v.Link).HasMaxLength(2000);
        b.Property(v => v.ContentWarning).HasMaxLength(500);
        b.Property(v => v.ReplyToPlatformId).HasMaxLength(1000);
        b.Property(v => v.Media).HasJsonConversion();
        b.HasIndex(v => new { v.PostId, v.ChannelId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<PostHistoryEntry> b)
    {
        b.ToTable("post_history");
        b.HasKey(h => new { h.PostId, h.Sequence });
        b.Property(h => h.ActorSubject).HasMaxLength(200);
        b.Property(h => h.ActorName).HasMaxLength(200);
        b.Property(h => h.Action).HasMaxLength(32);
        b.Property(h => h.FromStatus).HasConversion<string>().HasMaxLength(32);
        b.Property(h => h.ToStatus).HasConversion<string>().HasMaxLength(32);
        b.Property(h => h.Note).HasMaxLength(2000);
    }

    public void Configure(EntityTypeBuilder<PostMedia> b)
    {
        b.ToTable("post_media");
        b.HasKey(m => m.Id);
        b.HasIndex(m => m.PostId);
        b.Property(m => m.FileName).HasMaxLength(255);
        b.Property(m => m.ContentType).HasMaxLength(100);
        b.Property(m => m.Sha256).HasMaxLength(64);
        b.Property(m => m.UploadedBySubject).HasMaxLength(200);
    }
}
