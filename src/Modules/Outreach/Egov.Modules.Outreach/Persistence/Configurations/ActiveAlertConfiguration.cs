using Egov.Modules.Outreach.Domain.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Outreach.Persistence.Configurations;

internal sealed class ActiveAlertConfiguration : IEntityTypeConfiguration<ActiveAlert>
{
    public void Configure(EntityTypeBuilder<ActiveAlert> b)
    {
        b.ToTable("active_alerts");
        b.HasKey(a => a.AlertId);
        b.Property(a => a.Headline).HasMaxLength(500);
        b.Property(a => a.Severity).HasMaxLength(16);
        b.HasIndex(a => a.Expires);
    }
}
