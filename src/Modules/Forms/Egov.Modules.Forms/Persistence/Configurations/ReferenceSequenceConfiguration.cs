using Egov.Modules.Forms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Forms.Persistence.Configurations;

/// <summary>The reference-number counter per year (table <c>reference_sequences</c>).</summary>
internal sealed class ReferenceSequenceConfiguration : IEntityTypeConfiguration<ReferenceSequence>
{
    public void Configure(EntityTypeBuilder<ReferenceSequence> b)
    {
        b.ToTable("reference_sequences");
        b.HasKey(r => r.Year);
        b.Property(r => r.Year).ValueGeneratedNever();
    }
}
