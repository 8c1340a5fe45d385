using System.ComponentModel.DataAnnotations;

namespace Egov.Modules.Outreach.Features.Retention;

/// <summary>
/// Retention of Outreach's delivery logs, section <c>Egov:Outreach:Retention</c>; validated at startup. (Inbox items have
/// their own, shorter period: <c>Egov:Outreach:Inbox:Retention</c>.)
/// </summary>
internal sealed class OutreachRetentionOptions
{
    public const string Section = "Egov:Outreach:Retention";

    /// <summary>Whether this host instance runs the job (default true; any number of instances may).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Days after its last activity (sent, last attempt, else created) that a finished delivery — Sent, Failed, Uncertain or
    /// Cancelled, with platform ids and URLs, the reply target (a citizen's post) and the platform's last error — is
    /// deleted. Default 400: a year's channel report and the council's yearly review still find the whole year. Must
    /// exceed <c>Inbox:CommentWindow</c> (comments are read under the sent deliveries of that window).
    /// </summary>
    [Range(30, 3650)]
    public int DeliveryLogDays { get; set; } = 400;

    /// <summary>How often the job looks for deliveries past their retention (default one hour).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Deliveries claimed per round (default 500).</summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>How long a claim holds before another instance may take the deliveries over (default five minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);
}
