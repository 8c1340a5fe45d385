using Egov.Modules.Forms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Forms.Persistence.Configurations;

/// <summary>Payment confirmations (table <c>payment_confirmations</c>): one per payment, PDF stored at issue.</summary>
internal sealed class PaymentConfirmationConfiguration : IEntityTypeConfiguration<PaymentConfirmation>
{
    public void Configure(EntityTypeBuilder<PaymentConfirmation> b)
    {
        b.ToTable("payment_confirmations");
        b.HasKey(c => c.PaymentId);
        b.Property(c => c.PaymentId).ValueGeneratedNever();
        b.Property(c => c.ReferenceNumber).HasMaxLength(40);
        b.Property(c => c.Provider).HasMaxLength(32);
        b.Property(c => c.ProviderReference).HasMaxLength(255);
        b.Property(c => c.Language).HasMaxLength(8);
        b.Property(c => c.Fingerprint).HasMaxLength(64).IsFixedLength();
        b.Property(c => c.PdfSha256).HasMaxLength(64).IsFixedLength();
        b.Ignore(c => c.Paid);

        b.HasOne<Application>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.ApplicationId);

        // The verification looks documents up by reference number and fingerprint.
        b.HasIndex(c => new { c.ReferenceNumber, c.Fingerprint });
    }
}
