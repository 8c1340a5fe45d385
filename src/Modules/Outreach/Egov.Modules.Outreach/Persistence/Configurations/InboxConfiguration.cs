using Egov.Modules.Outreach.Domain.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Outreach.Persistence.Configurations;

internal sealed class InboxConfiguration : IEntityTypeConfiguration<InboxItem>, IEntityTypeConfiguration<InboxCursor>
{
    public void Configure(EntityTypeBuilder<InboxItem> b)
    {
        b.ToTable("inbox_items");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.ChannelKind).HasMaxLength(32);
        b.Property(i => i.PlatformItemId).HasMaxLength(500);
        b.Property(i => i.ReplyTarget).HasMaxLength(1000);
        b.Property(i => i.Kind).HasMaxLength(16);
        b.Property(i => i.InReplyTo).HasMaxLength(1000);
        b.Property(i => i.AuthorHandle).HasMaxLength(300);
        b.Property(i => i.AuthorName).HasMaxLength(300);
        b.Property(i => i.Text).HasMaxLength(20_000);
        b.Property(i => i.Url).HasMaxLength(2000);
        b.Property(i => i.FlagReason).HasMaxLength(500);
        b.Property(i => i.AssignedTo).HasMaxLength(200);
        b.Ignore(i => i.Unanswered);
        b.Property(i => i.Moderation).HasMaxLength(16);
        b.Property(i => i.ModeratedBy).HasMaxLength(200);
        b.Property(i => i.ModeratedByName).HasMaxLength(200);
        b.Property(i => i.ModerationReason).HasMaxLength(1000);

        // Imported once, however many readers race: the second insert of an item is refused here.
        b.HasIndex(i => new { i.ChannelId, i.PlatformItemId }).IsUnique();
        b.HasIndex(i => i.PublishedAt);
        b.HasIndex(i => i.ImportedAt);
    }

    public void Configure(EntityTypeBuilder<InboxCursor> b)
    {
        b.ToTable("inbox_cursors");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Position).HasMaxLength(500);
        b.Property(c => c.LastError).HasMaxLength(2000);
        b.Property(c => c.LockOwner).HasMaxLength(200);
        b.HasIndex(c => c.DueAt);
    }
}
