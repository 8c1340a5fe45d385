using System.Text.Json;
using Egov.Modules.Forms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Forms.Persistence.Configurations;

/// <summary>A version of a form (table <c>form_versions</c>): its whole content as one JSON document (<c>jsonb</c> on PostgreSQL).</summary>
internal sealed class FormVersionConfiguration : IEntityTypeConfiguration<FormVersion>
{
    private static readonly JsonSerializerOptions ContentJson = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<FormVersion> b)
    {
        b.ToTable("form_versions");
        b.HasKey(v => v.Id);
        b.Property(v => v.Id).ValueGeneratedNever();
        b.HasIndex(v => new { v.FormDefinitionId, v.Number }).IsUnique();
        b.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);

        // One JSON document per version: it is always read and written whole.
        var content = b.Property(v => v.Content).HasConversion(
            c => JsonSerializer.Serialize(c, ContentJson),
            json => JsonSerializer.Deserialize<FormContent>(json, ContentJson)!,
            new ValueComparer<FormContent>(
                (a, c) => JsonSerializer.Serialize(a, ContentJson) == JsonSerializer.Serialize(c, ContentJson),
                c => JsonSerializer.Serialize(c, ContentJson).GetHashCode(StringComparison.Ordinal),
                c => JsonSerializer.Deserialize<FormContent>(JsonSerializer.Serialize(c, ContentJson), ContentJson)!));
        content.IsJsonDocument();
    }
}
