using System.ComponentModel.DataAnnotations;

namespace Egov.Modules.Outreach.Features;

/// <summary>Settings of the Outreach module, section <c>Egov:Outreach</c>; validated at startup.</summary>
internal sealed class OutreachOptions
{
    public const string Section = "Egov:Outreach";

    /// <summary>How long limits read from a Mastodon instance (<c>GET /api/v2/instance</c>) are used before they are read again. Default 6 hours.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan InstanceLimitsCacheDuration { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Timeout of one request to a platform while reading its limits. Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan PlatformRequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether scheduled non-crisis posts are held while a crisis alert is active (they resume after it ends). Default true.</summary>
    public bool HoldPostsDuringAlerts { get; set; } = true;

    /// <summary>
    /// Allow <c>http://</c> platform addresses on loopback hosts (127.0.0.1, ::1, localhost) — for
    /// tests and local fakes of platforms. Other addresses must always be <c>https://</c>. Default false.
    /// </summary>
    public bool AllowLoopbackHttp { get; set; }

    /// <summary>Who issues the channel review for the council, printed at the top of its PDF. Default <c>Stadtverwaltung – Pressestelle</c>.</summary>
    [Required]
    [StringLength(200, MinimumLength = 1)]
    public string ReviewIssuer { get; set; } = "Stadtverwaltung – Pressestelle";
}
