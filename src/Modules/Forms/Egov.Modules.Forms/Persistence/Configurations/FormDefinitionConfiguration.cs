using Egov.Modules.Forms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Forms.Persistence.Configurations;

/// <summary>A form (table <c>form_definitions</c>): its key, revision and versions, loaded with it.</summary>
internal sealed class FormDefinitionConfiguration : IEntityTypeConfiguration<FormDefinition>
{
    public void Configure(EntityTypeBuilder<FormDefinition> b)
    {
        b.ToTable("form_definitions");
        b.HasKey(f => f.Id);

        // Ids are made by the domain (UUIDv7); a version added to a loaded form is then an insert.
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.Key).HasMaxLength(80);
        b.HasIndex(f => f.Key).IsUnique();
        b.Property(f => f.Revision).IsConcurrencyToken();
        b.Ignore(f => f.CurrentVersion);
        b.HasMany(f => f.Versions).WithOne().HasForeignKey(v => v.FormDefinitionId);
        b.Navigation(f => f.Versions).AutoInclude();
    }
}
