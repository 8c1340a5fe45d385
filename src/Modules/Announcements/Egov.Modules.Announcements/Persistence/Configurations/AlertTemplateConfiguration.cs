using Egov.Modules.Announcements.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Announcements.Persistence.Configurations;

/// <summary>The crisis templates (<c>alert_templates</c>) and each alert issued from one (<c>alert_template_issues</c>).</summary>
internal sealed class AlertTemplateConfiguration : IEntityTypeConfiguration<AlertTemplate>, IEntityTypeConfiguration<AlertTemplateIssue>
{
    public void Configure(EntityTypeBuilder<AlertTemplate> builder)
    {
        builder.ToTable("alert_templates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.AuthorSubject).HasMaxLength(200);
        builder.Property(t => t.AuthorName).HasMaxLength(200);
        builder.Property(t => t.ApprovedBySubject).HasMaxLength(200);
        builder.Property(t => t.ApprovedByName).HasMaxLength(200);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Property(t => t.Content).IsJsonDocument();
    }

    public void Configure(EntityTypeBuilder<AlertTemplateIssue> builder)
    {
        builder.ToTable("alert_template_issues");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.IssuedBySubject).HasMaxLength(200);
        builder.Property(i => i.IssuedByName).HasMaxLength(200);
        builder.Property(i => i.Values).IsJsonDocument();
        builder.HasOne<AlertTemplate>().WithMany().HasForeignKey(i => i.TemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Announcement>().WithMany().HasForeignKey(i => i.AnnouncementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.TemplateId, i.IssuedAt });
    }
}
