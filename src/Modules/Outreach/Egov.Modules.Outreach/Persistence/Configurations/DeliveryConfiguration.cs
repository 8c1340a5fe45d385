using Egov.Modules.Outreach.Domain.Deliveries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Outreach.Persistence.Configurations;

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> b)
    {
        b.ToTable("deliveries");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.ChannelKind).HasMaxLength(32);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.LockOwner).HasMaxLength(200);
        b.Property(d => d.IdempotencyKey).HasMaxLength(64);
        b.Property(d => d.ReplyTo).HasMaxLength(1000);
        b.Property(d => d.PlatformId).HasMaxLength(1000);
        b.Property(d => d.Checkpoint).HasMaxLength(1000);
        b.Property(d => d.Url).HasMaxLength(2000);
        b.Property(d => d.LastError).HasMaxLength(4000);

        // A worker whose lease was taken over must not record over the newer attempt.
        b.Property(d => d.Attempts).IsConcurrencyToken();

        // One delivery per variant: planning a post twice (two workers, a retry) cannot double it.
        b.HasIndex(d => d.VariantId).IsUnique();
        b.HasIndex(d => d.PostId);
        b.HasIndex(d => new { d.Status, d.DueAt });
        b.HasIndex(d => new { d.ChannelId, d.CreatedAt });
    }
}
