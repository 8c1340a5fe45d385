using Egov.Modules.Handoff.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Handoff.Persistence.Configurations;

/// <summary>Table <c>feed_cursors</c>: one row per pull target that acknowledged something.</summary>
internal sealed class FeedCursorConfiguration : IEntityTypeConfiguration<FeedCursor>
{
    public void Configure(EntityTypeBuilder<FeedCursor> builder)
    {
        builder.ToTable("feed_cursors");
        builder.HasKey(c => c.TargetKey);
        builder.Property(c => c.TargetKey).HasMaxLength(64);
    }
}
