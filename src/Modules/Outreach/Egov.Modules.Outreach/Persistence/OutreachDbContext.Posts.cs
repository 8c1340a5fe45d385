using Egov.Modules.Outreach.Domain.Alerts;
using Egov.Modules.Outreach.Domain.Channels;
using Egov.Modules.Outreach.Domain.Guidelines;
using Egov.Modules.Outreach.Domain.Posts;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Persistence;

/// <summary>Channels, guidelines, posts and the alerts that hold them.</summary>
internal sealed partial class OutreachDbContext
{
    public DbSet<Channel> Channels => Set<Channel>();

    public DbSet<Guideline> Guidelines => Set<Guideline>();

    public DbSet<GuidelineAcknowledgement> GuidelineAcknowledgements => Set<GuidelineAcknowledgement>();

    public DbSet<Post> Posts => Set<Post>();

    public DbSet<PostVariant> PostVariants => Set<PostVariant>();

    public DbSet<PostHistoryEntry> PostHistory => Set<PostHistoryEntry>();

    public DbSet<PostMedia> PostMedia => Set<PostMedia>();

    public DbSet<ActiveAlert> ActiveAlerts => Set<ActiveAlert>();
}
