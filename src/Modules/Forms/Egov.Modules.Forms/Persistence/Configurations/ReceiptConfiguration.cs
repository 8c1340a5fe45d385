using Egov.Modules.Forms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Forms.Persistence.Configurations;

/// <summary>The receipt of a submission (table <c>receipts</c>): fingerprint, PDF, authority as JSON (<c>jsonb</c> on PostgreSQL).</summary>
internal sealed class ReceiptConfiguration : IEntityTypeConfiguration<Receipt>
{
    public void Configure(EntityTypeBuilder<Receipt> b)
    {
        b.ToTable("receipts");
        b.HasKey(r => r.ApplicationId);
        b.Property(r => r.ApplicationId).ValueGeneratedNever();
        b.Property(r => r.ReferenceNumber).HasMaxLength(40);
        b.Property(r => r.Fingerprint).HasMaxLength(64).IsFixedLength();
        b.Property(r => r.PdfSha256).HasMaxLength(64).IsFixedLength();
        b.Property(r => r.Language).HasMaxLength(8);
        b.Property(r => r.VerificationUrl).HasMaxLength(2000);
        b.Property(r => r.Authority).IsJsonDocument();
        b.Property(r => r.FeeProvider).HasMaxLength(32);
        b.Property(r => r.FeeReference).HasMaxLength(255);
        b.Ignore(r => r.PaidFee);

        b.HasOne<Application>().WithOne().HasForeignKey<Receipt>(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);

        // The verification looks receipts up by reference number.
        b.HasIndex(r => r.ReferenceNumber).IsUnique();

        // The render worker's sweep looks for receipts still without PDF: a few at most.
        b.HasIndex(r => r.IssuedAt).HasFilter("pdf IS NULL").HasDatabaseName("ix_receipts_pending");
    }
}
