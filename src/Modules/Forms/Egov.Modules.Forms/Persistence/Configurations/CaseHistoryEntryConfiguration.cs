using Egov.Modules.Forms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Forms.Persistence.Configurations;

/// <summary>The append-only history of a case (table <c>case_history</c>), one sequence per application.</summary>
internal sealed class CaseHistoryEntryConfiguration : IEntityTypeConfiguration<CaseHistoryEntry>
{
    public void Configure(EntityTypeBuilder<CaseHistoryEntry> b)
    {
        b.ToTable("case_history");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(24);
        b.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(24);
        b.Property(e => e.ActorSubject).HasMaxLength(200);
        b.Property(e => e.ActorName).HasMaxLength(200);
        b.Property(e => e.AssigneeSubject).HasMaxLength(200);
        b.Property(e => e.AssigneeName).HasMaxLength(200);
        b.Property(e => e.Reason).HasMaxLength(CaseMessage.MaxLength);
        b.HasOne<Application>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DecisionNotice>().WithMany().HasForeignKey(e => e.DecisionNoticeId).OnDelete(DeleteBehavior.Restrict);

        // Two changes racing past the row version would still collide here.
        b.HasIndex(e => new { e.ApplicationId, e.Sequence }).IsUnique();
    }
}
