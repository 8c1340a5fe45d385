using Egov.Modules.Payments.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Payments.Persistence.Configurations;

/// <summary>Table <c>payments</c>: at most one open or paid payment per application (unique partial index), found by the provider's checkout id.</summary>
internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("payments");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.ApplicantSubject).HasMaxLength(200);
        builder.Property(p => p.ReferenceNumber).HasMaxLength(40);
        builder.Property(p => p.FormKey).HasMaxLength(80);
        builder.Property(p => p.Department).HasMaxLength(80);
        builder.Property(p => p.Provider).HasMaxLength(32);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.CheckoutId).HasMaxLength(255);
        builder.Property(p => p.CheckoutUrl).HasMaxLength(2048);
        builder.Property(p => p.ProviderReference).HasMaxLength(255);
        builder.Property(p => p.Flag).HasMaxLength(32);
        builder.Property(p => p.FlagDetail).HasMaxLength(300);
        builder.Property(p => p.Revision).IsConcurrencyToken();
        builder.Property(p => p.LockOwner).HasMaxLength(200);

        // Never two live payments for one application: the second start (another tab, another
        // instance) fails on this index instead of opening a second page to pay on.
        builder.HasIndex(p => p.ApplicationId).IsUnique().HasFilter("state IN ('Open', 'Paid')").HasDatabaseName("ix_payments_one_live_per_application");
        builder.HasIndex(p => new { p.ApplicationId, p.CreatedAt });
        builder.HasIndex(p => new { p.Provider, p.CheckoutId }).IsUnique();
        builder.HasIndex(p => p.PaidAt);

        // The expiry sweep's claim: open pages past their expiry.
        builder.HasIndex(p => p.ExpiresAt).HasFilter("state = 'Open'").HasDatabaseName("ix_payments_open_by_expiry");
    }
}
