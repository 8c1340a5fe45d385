using Egov.Modules.Forms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Forms.Persistence.Configurations;

/// <summary>An application and its case (table <c>applications</c>): the data as JSON (<c>jsonb</c> on PostgreSQL) and the worklist indexes.</summary>
internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        b.ToTable("applications");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.FormKey).HasMaxLength(80);
        b.Property(a => a.ApplicantSubject).HasMaxLength(200);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(a => a.ReferenceNumber).HasMaxLength(40);
        b.Property(a => a.CreationKey).HasMaxLength(100);
        b.Property(a => a.SubmissionKey).HasMaxLength(100);
        b.Property(a => a.Revision).IsConcurrencyToken();
        b.Property(a => a.Data).IsJsonDocument();

        b.Property(a => a.Department).HasMaxLength(80);
        b.Property(a => a.ApplicantName).HasMaxLength(200);
        b.Property(a => a.ApplicantEmail).HasMaxLength(320);
        b.Property(a => a.ApplicantLanguage).HasMaxLength(8);
        b.Property(a => a.AssigneeSubject).HasMaxLength(200);
        b.Property(a => a.AssigneeName).HasMaxLength(200);
        b.Property(a => a.DecisionReason).HasMaxLength(CaseMessage.MaxLength);
        b.Property(a => a.SearchText).HasMaxLength(260);
        b.Property(a => a.LegalHoldReason).HasMaxLength(CaseMessage.MaxLength);
        b.Property(a => a.LockOwner).HasMaxLength(200);
        b.Property(a => a.PaymentState).HasMaxLength(16);
        b.Property(a => a.PaymentReference).HasMaxLength(255);

        b.HasIndex(a => a.ReferenceNumber).IsUnique();
        b.HasIndex(a => new { a.ApplicantSubject, a.CreationKey }).IsUnique();
        b.HasIndex(a => new { a.ApplicantSubject, a.CreatedAt });

        // The worklist: a department's cases by submission, and by due date.
        b.HasIndex(a => new { a.Department, a.SubmittedAt, a.Id });
        b.HasIndex(a => new { a.Department, a.DueAt });

        // The retention job: closed cases by their retention date, drafts by their last change (partial indexes stay small).
        b.HasIndex(a => a.RetentionDueAt).HasFilter("status = 'Closed' AND personal_data_removed_at IS NULL").HasDatabaseName("ix_applications_retention_due");
        b.HasIndex(a => a.UpdatedAt).HasFilter("submitted_at IS NULL").HasDatabaseName("ix_applications_unsubmitted_updated_at");
    }
}
