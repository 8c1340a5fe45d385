using Egov.Modules.Outreach.Domain.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Persistence;

/// <summary>The two-way inbox: citizens' replies and comments, and the readers' positions per channel.</summary>
internal sealed partial class OutreachDbContext
{
    public DbSet<InboxItem> InboxItems => Set<InboxItem>();

    public DbSet<InboxCursor> InboxCursors => Set<InboxCursor>();
}
