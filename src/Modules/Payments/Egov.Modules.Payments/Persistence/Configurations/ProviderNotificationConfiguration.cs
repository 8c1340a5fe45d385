using Egov.Modules.Payments.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Payments.Persistence.Configurations;

/// <summary>Table <c>provider_notifications</c>: one row per provider event; the key makes a repeated delivery a no-op, also across instances.</summary>
internal sealed class ProviderNotificationConfiguration : IEntityTypeConfiguration<ProviderNotification>
{
    public void Configure(EntityTypeBuilder<ProviderNotification> builder)
    {
        builder.ToTable("provider_notifications");
        builder.HasKey(n => new { n.Provider, n.EventId });
        builder.Property(n => n.Provider).HasMaxLength(32);
        builder.Property(n => n.EventId).HasMaxLength(255);
        builder.Property(n => n.EventType).HasMaxLength(100);
    }
}
