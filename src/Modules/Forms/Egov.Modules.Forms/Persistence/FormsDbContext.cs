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

    public DbSet<CaseHistoryEntry> CaseHistory => Set<CaseHistoryEntry>();

    public DbSet<InformationRequest> InformationRequests => Set<InformationRequest>();

    public DbSet<CaseMessage> CaseMessages => Set<CaseMessage>();

    public DbSet<CaseAccessLogEntry> CaseAccessLog => Set<CaseAccessLogEntry>();

    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();

    public DbSet<Receipt> Receipts => Set<Receipt>();

    /// <summary>Adds a case change: its history entry, and its event to the outbox (sent after commit).</summary>
    public void Record(CaseChange change)
    {
        CaseHistory.Add(change.Entry);
        AddIntegrationEvent(change.Event);
    }

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
            b.Property(a => a.Status).HasConversion<string>().HasMaxLength(24);
            b.Property(a => a.ReferenceNumber).HasMaxLength(40);
            b.Property(a => a.CreationKey).HasMaxLength(100);
            b.Property(a => a.SubmissionKey).HasMaxLength(100);
            b.Property(a => a.Revision).IsConcurrencyToken();
            if (Database.IsNpgsql())
            {
                b.Property(a => a.Data).HasColumnType("jsonb");
            }

            b.Property(a => a.Department).HasMaxLength(80);
            b.Property(a => a.ApplicantName).HasMaxLength(200);
            b.Property(a => a.ApplicantEmail).HasMaxLength(320);
            b.Property(a => a.ApplicantLanguage).HasMaxLength(8);
            b.Property(a => a.AssigneeSubject).HasMaxLength(200);
            b.Property(a => a.AssigneeName).HasMaxLength(200);
            b.Property(a => a.DecisionReason).HasMaxLength(CaseMessage.MaxLength);
            b.Property(a => a.SearchText).HasMaxLength(260);

            b.HasIndex(a => a.ReferenceNumber).IsUnique();
            b.HasIndex(a => new { a.ApplicantSubject, a.CreationKey }).IsUnique();
            b.HasIndex(a => new { a.ApplicantSubject, a.CreatedAt });

            // The worklist: a department's cases by submission, and by due date.
            b.HasIndex(a => new { a.Department, a.SubmittedAt, a.Id });
            b.HasIndex(a => new { a.Department, a.DueAt });
        });

        modelBuilder.Entity<CaseHistoryEntry>(b =>
        {
            b.ToTable("case_history");
            b.HasKey(e => e.Id);
            b.Property(e => e.Id).ValueGeneratedNever();
            b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(24);
            b.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(24);
            b.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(24);
            b.Property(e => e.ActorSubject).HasMaxLength(200);
            b.Property(e => e.ActorName).HasMaxLength(200);
            b.Property(e => e.AssigneeSubject).HasMaxLength(200);
            b.Property(e => e.AssigneeName).HasMaxLength(200);
            b.Property(e => e.Reason).HasMaxLength(CaseMessage.MaxLength);
            b.HasOne<Application>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Restrict);

            // Two changes racing past the row version would still collide here.
            b.HasIndex(e => new { e.ApplicationId, e.Sequence }).IsUnique();
        });

        modelBuilder.Entity<InformationRequest>(b =>
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
        });

        modelBuilder.Entity<CaseMessage>(b =>
        {
            b.ToTable("case_messages");
            b.HasKey(m => m.Id);
            b.Property(m => m.Id).ValueGeneratedNever();
            b.Property(m => m.AuthorSubject).HasMaxLength(200);
            b.Property(m => m.AuthorName).HasMaxLength(200);
            b.Property(m => m.Body).HasMaxLength(CaseMessage.MaxLength);
            b.HasOne<Application>().WithMany().HasForeignKey(m => m.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(m => new { m.ApplicationId, m.CreatedAt });
        });

        modelBuilder.Entity<CaseAccessLogEntry>(b =>
        {
            b.ToTable("case_access_log");
            b.HasKey(e => e.Id);
            b.Property(e => e.Id).ValueGeneratedNever();
            b.Property(e => e.ActorSubject).HasMaxLength(200);
            b.Property(e => e.ActorName).HasMaxLength(200);
            b.Property(e => e.Resource).HasMaxLength(120);
            b.HasIndex(e => new { e.ApplicationId, e.At });
            b.HasIndex(e => new { e.ActorSubject, e.At });
        });

        modelBuilder.Entity<Receipt>(b =>
        {
            b.ToTable("receipts");
            b.HasKey(r => r.ApplicationId);
            b.Property(r => r.ApplicationId).ValueGeneratedNever();
            b.Property(r => r.ReferenceNumber).HasMaxLength(40);
            b.Property(r => r.Fingerprint).HasMaxLength(64).IsFixedLength();
            b.Property(r => r.PdfSha256).HasMaxLength(64).IsFixedLength();
            b.Property(r => r.Language).HasMaxLength(8);
            b.Property(r => r.VerificationUrl).HasMaxLength(2000);
            if (Database.IsNpgsql())
            {
                b.Property(r => r.Authority).HasColumnType("jsonb");
            }

            b.HasOne<Application>().WithOne().HasForeignKey<Receipt>(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);

            // The verification looks receipts up by reference number.
            b.HasIndex(r => r.ReferenceNumber).IsUnique();

            // The render worker's sweep looks for receipts still without PDF: a few at most.
            b.HasIndex(r => r.IssuedAt).HasFilter("pdf IS NULL").HasDatabaseName("ix_receipts_pending");
        });

        modelBuilder.Entity<StaffMember>(b =>
        {
            b.ToTable("staff_members");
            b.HasKey(s => s.Subject);
            b.Property(s => s.Subject).HasMaxLength(200);
            b.Property(s => s.Name).HasMaxLength(200);
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
            b.HasOne<InformationRequest>().WithMany().HasForeignKey(a => a.InformationRequestId).OnDelete(DeleteBehavior.Restrict);
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
