using Egov.Modules.Outreach.Domain.Deliveries;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Persistence;

/// <summary>Deliveries of posts to channels.</summary>
internal sealed partial class OutreachDbContext
{
    public DbSet<Delivery> Deliveries => Set<Delivery>();
}
