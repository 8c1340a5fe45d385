using Egov.Modules.Forms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Forms.Persistence.Configurations;

/// <summary>Information requests of a case (table <c>information_requests</c>).</summary>
internal sealed class InformationRequestConfiguration : IEntityTypeConfiguration<InformationRequest>
{
    public void Configure(EntityTypeBuilder<InformationRequest> b)
    {
        b.ToTable("information_requests");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Message).HasMaxLength(CaseMessage.MaxLength);
        b.Property(r => r.Answer).HasMaxLength(CaseMessage.MaxLength);
        b.Property(r => r.RequestedBySubject).HasMaxLength(200);
        b.Property(r => r.RequestedByName).HasMaxLength(200);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.ApplicationId);
    }
}
