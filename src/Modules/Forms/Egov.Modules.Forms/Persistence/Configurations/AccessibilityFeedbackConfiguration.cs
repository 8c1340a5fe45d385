using Egov.Modules.Forms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Forms.Persistence.Configurations;

/// <summary>Reports of barriers (table <c>accessibility_feedback</c>), listed open first by answer-by day.</summary>
internal sealed class AccessibilityFeedbackConfiguration : IEntityTypeConfiguration<AccessibilityFeedback>
{
    public void Configure(EntityTypeBuilder<AccessibilityFeedback> b)
    {
        b.ToTable("accessibility_feedback");
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.Page).HasMaxLength(AccessibilityFeedback.MaxPageLength);
        b.Property(f => f.Description).HasMaxLength(AccessibilityFeedback.MaxDescriptionLength);
        b.Property(f => f.ContactName).HasMaxLength(200);
        b.Property(f => f.ContactEmail).HasMaxLength(254);
        b.Property(f => f.Language).HasMaxLength(2);
        b.Property(f => f.AnsweredBySubject).HasMaxLength(200);
        b.Property(f => f.AnsweredByName).HasMaxLength(200);
        b.Property(f => f.AnswerNote).HasMaxLength(AccessibilityFeedback.MaxNoteLength);
        b.Property(f => f.Revision).IsConcurrencyToken();
        b.Ignore(f => f.IsOpen);
        b.HasIndex(f => new { f.AnsweredAt, f.AnswerBy });
    }
}
