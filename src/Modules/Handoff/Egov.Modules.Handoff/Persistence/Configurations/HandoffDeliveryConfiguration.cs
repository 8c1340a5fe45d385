using Egov.Modules.Handoff.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Handoff.Persistence.Configurations;

/// <summary>Table <c>deliveries</c>: one row per target and event, push and pull.</summary>
internal sealed class HandoffDeliveryConfiguration : IEntityTypeConfiguration<HandoffDelivery>
{
    public void Configure(EntityTypeBuilder<HandoffDelivery> builder)
    {
        builder.ToTable("deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.TargetKey).HasMaxLength(64);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(8);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.EventType).HasMaxLength(100);
        builder.Property(d => d.ReferenceNumber).HasMaxLength(64);
        builder.Property(d => d.FormKey).HasMaxLength(100);
        builder.Property(d => d.Department).HasMaxLength(100);
        builder.Property(d => d.CaseStatus).HasMaxLength(32);
        builder.Property(d => d.LastError).HasMaxLength(500);
        builder.Property(d => d.LockOwner).HasMaxLength(200);

        // The outcome of an attempt is saved only while its worker holds the lease; a re-send by staff
        // (or another instance's claim after the lease ran out) in between makes that save fail instead.
        builder.Property(d => d.LockOwner).IsConcurrencyToken();

        // Exactly once per target and event: a second delivery of the integration event cannot add a second row.
        builder.HasIndex(d => new { d.TargetKey, d.EventId }).IsUnique();
        builder.HasIndex(d => d.ApplicationId);

        // The push claim: due rows only (a partial index stays small while sent rows pile up).
        builder.HasIndex(d => d.NextAttemptAt).HasFilter("next_attempt_at IS NOT NULL").HasDatabaseName("ix_deliveries_due");

        // The feed: a target's entries in order; the sequencer finds the unsequenced ones.
        builder.HasIndex(d => new { d.TargetKey, d.Position });
        builder.HasIndex(d => d.Position).IsUnique();
    }
}
