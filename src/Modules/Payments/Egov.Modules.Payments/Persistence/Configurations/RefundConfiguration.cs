using Egov.Modules.Payments.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Payments.Persistence.Configurations;

/// <summary>Table <c>refunds</c>: at most one refund per payment (refunds are of the whole amount).</summary>
internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> builder)
    {
        builder.ToTable("refunds");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Reason).HasMaxLength(1000);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.RequestedBySubject).HasMaxLength(200);
        builder.Property(r => r.RequestedByName).HasMaxLength(200);
        builder.Property(r => r.ApprovedBySubject).HasMaxLength(200);
        builder.Property(r => r.ApprovedByName).HasMaxLength(200);
        builder.Property(r => r.ProviderRefundId).HasMaxLength(255);
        builder.HasIndex(r => r.PaymentId).IsUnique();
        builder.HasIndex(r => r.ExecutedAt);
    }
}
