using Egov.Modules.Forms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Forms.Persistence.Configurations;

/// <summary>Decision notices (table <c>decision_notices</c>): immutable, append-only on PostgreSQL (migration <c>DecisionNotices</c>).</summary>
internal sealed class DecisionNoticeConfiguration : IEntityTypeConfiguration<DecisionNotice>
{
    public void Configure(EntityTypeBuilder<DecisionNotice> b)
    {
        b.ToTable("decision_notices");
        b.HasKey(n => n.Id);
        b.Property(n => n.Id).ValueGeneratedNever();
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(n => n.Title).HasMaxLength(300);
        b.Property(n => n.Text).HasMaxLength(CaseMessage.MaxLength);
        b.Property(n => n.IssuedBySubject).HasMaxLength(200);
        b.Property(n => n.IssuedByName).HasMaxLength(200);
        b.Property(n => n.Sha256).HasMaxLength(64).IsFixedLength();
        b.HasOne<Application>().WithMany().HasForeignKey(n => n.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(n => n.ApplicationId);
    }
}
