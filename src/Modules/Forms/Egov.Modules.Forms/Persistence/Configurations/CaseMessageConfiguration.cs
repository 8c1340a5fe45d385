using Egov.Modules.Forms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Forms.Persistence.Configurations;

/// <summary>Messages and internal notes of a case (table <c>case_messages</c>).</summary>
internal sealed class CaseMessageConfiguration : IEntityTypeConfiguration<CaseMessage>
{
    public void Configure(EntityTypeBuilder<CaseMessage> b)
    {
        b.ToTable("case_messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.AuthorSubject).HasMaxLength(200);
        b.Property(m => m.AuthorName).HasMaxLength(200);
        b.Property(m => m.Body).HasMaxLength(CaseMessage.MaxLength);
        b.HasOne<Application>().WithMany().HasForeignKey(m => m.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.ApplicationId, m.CreatedAt });
    }
}
