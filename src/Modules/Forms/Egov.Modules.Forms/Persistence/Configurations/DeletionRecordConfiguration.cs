using Egov.Modules.Forms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Forms.Persistence.Configurations;

/// <summary>Table <c>deletion_records</c>: proofs of the retention job, without foreign keys so they outlive the applications.</summary>
internal sealed class DeletionRecordConfiguration : IEntityTypeConfiguration<DeletionRecord>
{
    public void Configure(EntityTypeBuilder<DeletionRecord> b)
    {
        b.ToTable("deletion_records");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.ReferenceNumber).HasMaxLength(40);
        b.Property(r => r.FormKey).HasMaxLength(80);
        b.Property(r => r.Action).HasMaxLength(16);
        b.Property(r => r.Rule).HasMaxLength(300);
        b.Property(r => r.Removed).IsJsonDocument();
        b.Property(r => r.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(r => r.DeletedBy).HasMaxLength(200);
        b.HasIndex(r => r.DeletedAt);

        // One record per application and action: a second instance that got this far could not write a second one.
        b.HasIndex(r => new { r.ApplicationId, r.Action }).IsUnique();
    }
}
