using Egov.Modules.Forms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Forms.Persistence.Configurations;

/// <summary>Files of an application (table <c>attachments</c>).</summary>
internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.ToTable("attachments");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Slot).HasMaxLength(80);
        b.Property(a => a.FileName).HasMaxLength(150);
        b.Property(a => a.MediaType).HasMaxLength(80);
        b.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        b.HasOne<Application>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<InformationRequest>().WithMany().HasForeignKey(a => a.InformationRequestId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.ScanStatus).HasConversion<string>().HasMaxLength(16).HasDefaultValue(AttachmentScanStatus.Unscanned).HasSentinel((AttachmentScanStatus)(-1));
        b.Property(a => a.ScanSignature).HasMaxLength(200);
        b.Property(a => a.LockOwner).HasMaxLength(200);
        b.HasIndex(a => a.ApplicationId);

        // The rescan claim: held files only (a partial index stays empty while the scanner is up).
        b.HasIndex(a => a.UploadedAt).HasFilter("scan_status = 'Pending'").HasDatabaseName("ix_attachments_pending_scan");
    }
}
