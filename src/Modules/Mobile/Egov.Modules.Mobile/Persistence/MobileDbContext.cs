using Egov.Modules.Outreach.Domain.Devices;
using Egov.Modules.Outreach.Domain.Push;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Persistence;

/// <summary>Device registrations for push and the push fan-out's work (mappings in <c>Persistence/Devices</c>).</summary>
internal sealed partial class OutreachDbContext
{
    public DbSet<Device> Devices => Set<Device>();

    public DbSet<PushJob> PushJobs => Set<PushJob>();

    public DbSet<PushedAlert> PushedAlerts => Set<PushedAlert>();
}
