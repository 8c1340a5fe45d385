using Egov.Modules.Announcements.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Announcements.Persistence.Configurations;

/// <summary>The official warnings the automatic reader handled (<c>warning_imports</c>).</summary>
internal sealed class WarningImportConfiguration : IEntityTypeConfiguration<WarningImport>
{
    public void Configure(EntityTypeBuilder<WarningImport> builder)
    {
        builder.ToTable("warning_imports");
        // The primary key on the source's identifier is what keeps two instances from importing one warning twice.
        builder.HasKey(w => w.Identifier);
        builder.Property(w => w.Identifier).HasMaxLength(300);
        builder.Property(w => w.Source).HasMaxLength(32);
        builder.Property(w => w.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(w => w.Note).HasMaxLength(1000);
    }
}
