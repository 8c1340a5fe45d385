using Egov.Modules.Forms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Forms.Persistence.Configurations;

/// <summary>Who read which case's personal data (table <c>case_access_log</c>).</summary>
internal sealed class CaseAccessLogEntryConfiguration : IEntityTypeConfiguration<CaseAccessLogEntry>
{
    public void Configure(EntityTypeBuilder<CaseAccessLogEntry> b)
    {
        b.ToTable("case_access_log");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.ActorSubject).HasMaxLength(200);
        b.Property(e => e.ActorName).HasMaxLength(200);
        b.Property(e => e.Resource).HasMaxLength(120);
        b.HasIndex(e => new { e.ApplicationId, e.At });
        b.HasIndex(e => new { e.ActorSubject, e.At });
    }
}
