using System.ComponentModel.DataAnnotations;

namespace Egov.Modules.Outreach.Features.Inbox;

/// <summary>The two-way inbox, section <c>Egov:Outreach:Inbox</c>; validated at startup.</summary>
internal sealed class InboxOptions
{
    public const string Section = "Egov:Outreach:Inbox";

    /// <summary>Whether this host instance reads the channels' inboxes (any number of instances may). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often each channel is read. Default 2 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long an instance holds a channel while reading it; another takes it over after that. Default 2 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long citizens' items (names, handles, texts: personal data) are kept after they were read, then deleted with
    /// their assignment and flags (the answer posts stay, as posts). Default 90 days; set by the city's record-keeping rules.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Comments are read under the channel's posts of this period (Facebook, Instagram). Default 14 days.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan CommentWindow { get; set; } = TimeSpan.FromDays(14);

    /// <summary>At most this many recent posts per read are asked for comments. Default 20.</summary>
    [Range(1, 200)]
    public int CommentPosts { get; set; } = 20;
}
