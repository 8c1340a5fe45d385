using Egov.Modules.Mobile.Domain.Devices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Mobile.Persistence.Configurations;

/// <summary>Table <c>devices</c>: one row per push endpoint.</summary>
internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> builder)
    {
        builder.ToTable("devices");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Platform).HasConversion<string>().HasMaxLength(16);

        // Re-registering an endpoint updates its row; the unique index settles two registrations racing.
        builder.Property(d => d.Endpoint).HasMaxLength(Device.MaxEndpointLength);
        builder.HasIndex(d => d.Endpoint).IsUnique();
        builder.Property(d => d.P256dh).HasMaxLength(100);
        builder.Property(d => d.Auth).HasMaxLength(40);
        builder.Property(d => d.Language).HasMaxLength(8);
        builder.Property(d => d.AppVersion).HasMaxLength(50);
        builder.Property(d => d.Subject).HasMaxLength(200);
        builder.HasIndex(d => d.Subject);
        builder.Property(d => d.AlertThreshold).HasConversion<int?>();
        builder.HasIndex(d => d.AlertThreshold);
        builder.Property(d => d.CreationKey).HasMaxLength(100);
        builder.HasIndex(d => d.CreationKey);
        builder.Ignore(d => d.Topics);

        // The retention job looks for registrations not seen for a while (updated_at) and claims them with a lease.
        builder.HasIndex(d => d.UpdatedAt);
        builder.Property(d => d.LockOwner).HasMaxLength(200);
    }
}
