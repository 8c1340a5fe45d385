using System.ComponentModel.DataAnnotations;

namespace Egov.Modules.Mobile.Features.Devices;

/// <summary>Retention of device registrations, configuration section <c>Egov:Push:Retention</c>; validated at startup.</summary>
internal sealed class DeviceRetentionOptions
{
    public const string SectionName = "Egov:Push:Retention";

    /// <summary>Whether this host instance runs the job (default true; any number of instances may).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Days without a registration or topic change after which a registration is deleted with its topics (default 270:
    /// Firebase Cloud Messaging treats a token inactive for more than 270 days as expired,
    /// https://firebase.google.com/docs/cloud-messaging/manage-tokens).
    /// </summary>
    [Range(1, 3650)]
    public int InactiveDeviceDays { get; set; } = 270;

    /// <summary>How often the job looks for inactive registrations (default one hour).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Registrations claimed per round (default 500).</summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>How long a claim holds before another instance may take the registrations (default five minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);
}
