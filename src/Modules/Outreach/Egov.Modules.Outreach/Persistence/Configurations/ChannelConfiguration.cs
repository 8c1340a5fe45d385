using Egov.Modules.Outreach.Domain.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Outreach.Persistence.Configurations;

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> b)
    {
        b.ToTable("channels");
        b.HasKey(c => c.Id);
        b.Property(c => c.Kind).HasMaxLength(32);
        b.Property(c => c.Name).HasMaxLength(200);
        b.HasIndex(c => c.Name).IsUnique();
        b.Property(c => c.OwningUnit).HasMaxLength(200);
        b.Property(c => c.Address).HasMaxLength(500);
        b.Property(c => c.Account).HasMaxLength(300);
        b.Property(c => c.JointControllershipNote).HasMaxLength(2000);
        b.Property(c => c.Limits).HasJsonConversion().HasMaxLength(2000);
        b.Property(c => c.CrossPostPolicy).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Version).IsConcurrencyToken();
        // Rows stored before the policy existed read as no policy.
        b.Property(c => c.AcknowledgementTexts).HasJsonConversion().HasMaxLength(12_000).HasDefaultValueSql("'[]'");
        b.Property(c => c.RetiredBy).HasMaxLength(200);
        b.Property(c => c.RetiredByName).HasMaxLength(200);
        b.Property(c => c.RetirementReason).HasMaxLength(1000);
        b.Ignore(c => c.Retired);
    }
}
