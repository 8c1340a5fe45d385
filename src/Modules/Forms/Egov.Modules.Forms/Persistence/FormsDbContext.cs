using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence.Configurations;
using Egov.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Persistence;

/// <summary>
/// The Forms module's database (schema <c>forms</c>): form definitions and their versions, applications
/// with their attachments and receipts, the case side (history, decision notices, information requests, messages, the
/// access log, known staff), reports of barriers, the reference-number counters, and the kernel's outbox and inbox.
/// Mappings: one <c>Configurations/&lt;Entity&gt;Configuration</c> per entity (ADR 0018).
/// </summary>
internal sealed class FormsDbContext(DbContextOptions<FormsDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "forms";

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

    public DbSet<AccessibilityFeedback> AccessibilityFeedback => Set<AccessibilityFeedback>();

    public DbSet<DecisionNotice> DecisionNotices => Set<DecisionNotice>();

    public DbSet<PaymentConfirmation> PaymentConfirmations => Set<PaymentConfirmation>();

    public DbSet<DeletionRecord> DeletionRecords => Set<DeletionRecord>();

    /// <summary>Adds a case change: its history entry, and its event to the outbox (sent after commit).</summary>
    public void Record(CaseChange change)
    {
        CaseHistory.Add(change.Entry);
        AddIntegrationEvent(change.Event);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FormsDbContext).Assembly);

        // JSON documents are jsonb on PostgreSQL and text on SQLite (the zero-setup run).
        JsonDocuments.Apply(modelBuilder, Database.IsNpgsql());
    }
}
