using Egov.Modules.Outreach.Domain.Guidelines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Outreach.Persistence.Configurations;

internal sealed class GuidelineConfiguration : IEntityTypeConfiguration<Guideline>, IEntityTypeConfiguration<GuidelineAcknowledgement>
{
    public void Configure(EntityTypeBuilder<Guideline> b)
    {
        b.ToTable("guidelines");
        b.HasKey(g => g.Version);
        b.Property(g => g.Version).ValueGeneratedNever();
        b.Property(g => g.Title).HasMaxLength(200);
        b.Property(g => g.ChangeNote).HasMaxLength(2000);
        b.Property(g => g.PublishedBySubject).HasMaxLength(200);
        b.Property(g => g.PublishedByName).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<GuidelineAcknowledgement> b)
    {
        b.ToTable("guideline_acknowledgements");
        b.HasKey(a => new { a.GuidelineVersion, a.Subject });
        b.Property(a => a.Subject).HasMaxLength(200);
        b.Property(a => a.Name).HasMaxLength(200);
    }
}
