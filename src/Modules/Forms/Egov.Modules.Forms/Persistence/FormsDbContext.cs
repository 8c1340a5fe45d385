using System.Text.Json;
using Egov.Modules.Forms.Domain;
using Egov.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Egov.Modules.Forms.Persistence;

/// <summary>The Forms module's database (schema <c>forms</c>): form definitions and their versions.</summary>
internal sealed class FormsDbContext(DbContextOptions<FormsDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "forms";

    private static readonly JsonSerializerOptions ContentJson = new(JsonSerializerDefaults.Web);

    public override string Schema => SchemaName;

    public DbSet<FormDefinition> FormDefinitions => Set<FormDefinition>();

    public DbSet<FormVersion> FormVersions => Set<FormVersion>();

    public DbSet<Application> Applications => Set<Application>();

    public DbSet<ReferenceSequence> ReferenceSequences => Set<ReferenceSequence>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<FormDefinition>(b =>
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
        });

        modelBuilder.Entity<FormVersion>(b =>
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
            if (Database.IsNpgsql())
            {
                content.HasColumnType("jsonb");
            }
        });

        modelBuilder.Entity<Application>(b =>
        {
            b.ToTable("applications");
            b.HasKey(a => a.Id);
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.FormKey).HasMaxLength(80);
            b.Property(a => a.ApplicantSubject).HasMaxLength(200);
            b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(a => a.ReferenceNumber).HasMaxLength(40);
            b.Property(a => a.CreationKey).HasMaxLength(100);
            b.Property(a => a.SubmissionKey).HasMaxLength(100);
            b.Property(a => a.Revision).IsConcurrencyToken();
            if (Database.IsNpgsql())
            {
                b.Property(a => a.Data).HasColumnType("jsonb");
            }

            b.HasIndex(a => a.ReferenceNumber).IsUnique();
            b.HasIndex(a => new { a.ApplicantSubject, a.CreationKey }).IsUnique();
            b.HasIndex(a => new { a.ApplicantSubject, a.CreatedAt });
        });

        modelBuilder.Entity<Attachment>(b =>
        {
            b.ToTable("attachments");
            b.HasKey(a => a.Id);
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.Slot).HasMaxLength(80);
            b.Property(a => a.FileName).HasMaxLength(150);
            b.Property(a => a.MediaType).HasMaxLength(80);
            b.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
            b.HasOne<Application>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(a => a.ApplicationId);
        });

        modelBuilder.Entity<ReferenceSequence>(b =>
        {
            b.ToTable("reference_sequences");
            b.HasKey(r => r.Year);
            b.Property(r => r.Year).ValueGeneratedNever();
        });
    }
}
