using Egov.Modules.Mobile.Domain.Push;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Mobile.Persistence.Configurations;

/// <summary>Table <c>push_jobs</c>: notifications being fanned out, and done ones with their counts.</summary>
internal sealed class PushJobConfiguration : IEntityTypeConfiguration<PushJob>
{
    public void Configure(EntityTypeBuilder<PushJob> builder)
    {
        builder.ToTable("push_jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.Type).HasMaxLength(32);
        builder.Property(j => j.Audience).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Urgency).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Subject).HasMaxLength(200);
        builder.Property(j => j.Topic).HasMaxLength(32);
        builder.Property(j => j.LockOwner).HasMaxLength(200);
        builder.Property(j => j.CompletedBy).HasMaxLength(200);
        builder.HasIndex(j => new { j.CompletedAt, j.CreatedAt });

        // The claim: pending jobs by lane, then by age (a partial index stays small while done jobs pile up).
        builder.HasIndex(j => new { j.Priority, j.CreatedAt }).HasFilter("completed_at IS NULL").HasDatabaseName("ix_push_jobs_pending_priority_created_at");
        builder.HasIndex(j => j.AlertId);
    }
}
