namespace Egov.Modules.Outreach.Domain.Channels;

/// <summary>Whether published announcements are shared on a channel, and how they are approved.</summary>
internal enum CrossPostPolicy
{
    /// <summary>Announcements are not shared here.</summary>
    None,

    /// <summary>A post is drafted from each announcement and waits for the press office's approval.</summary>
    Review,

    /// <summary>A post is drafted and approved at once when its checks pass (recorded as an approval by channel policy).</summary>
    AutoApprove,
}
