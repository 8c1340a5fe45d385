using Egov.Modules.Forms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Forms.Persistence.Configurations;

/// <summary>Members of staff known from their use of the case API (table <c>staff_members</c>).</summary>
internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> b)
    {
        b.ToTable("staff_members");
        b.HasKey(s => s.Subject);
        b.Property(s => s.Subject).HasMaxLength(200);
        b.Property(s => s.Name).HasMaxLength(200);
    }
}
