using Egov.Modules.Mobile.Domain.Push;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Mobile.Persistence.Configurations;

/// <summary>Table <c>pushed_alerts</c>: the severity of each alert pushed, for its all-clear.</summary>
internal sealed class PushedAlertConfiguration : IEntityTypeConfiguration<PushedAlert>
{
    public void Configure(EntityTypeBuilder<PushedAlert> builder)
    {
        builder.ToTable("pushed_alerts");
        builder.HasKey(a => a.AlertId);
        builder.Property(a => a.AlertId).ValueGeneratedNever();
    }
}
