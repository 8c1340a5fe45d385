namespace Egov.SharedKernel.Scanning;

/// <summary>What an upload gets while the configured scanner cannot be reached (each module applies it to its own uploads).</summary>
public enum ScannerUnavailableMode
{
    /// <summary>Stored as "pending scan", hidden from staff, rescanned until clean (default).</summary>
    Hold,

    /// <summary>Refused with 503; the applicant uploads again later.</summary>
    Refuse,
}

/// <summary>Malware scanning of uploads with ClamAV (configuration section <c>Egov:Scanning</c>), one setting for every module.</summary>
public sealed class ScanningOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Egov:Scanning";

    /// <summary>
    /// clamd's address: <c>tcp://127.0.0.1:3310</c> or <c>unix:/run/clamav/clamd.ctl</c> (Debian's
    /// <c>clamav-daemon</c>). Unset (the zero-setup default): uploads are stored unscanned, and the host
    /// says so in its log at start.
    /// </summary>
    public string? Clamd { get; set; }

    /// <summary>What an upload gets while clamd is unreachable (default <see cref="ScannerUnavailableMode.Hold"/>).</summary>
    public ScannerUnavailableMode WhenUnavailable { get; set; } = ScannerUnavailableMode.Hold;

    /// <summary>How long one scan may take, connect included (default 30 seconds).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often held uploads are tried again (default one minute).</summary>
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromMinutes(1);
}
