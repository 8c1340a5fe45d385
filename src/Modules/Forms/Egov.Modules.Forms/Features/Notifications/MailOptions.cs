namespace Egov.Modules.Forms.Features.Notifications;

/// <summary>
/// Outgoing mail settings, bound from the configuration section <c>Egov:Mail</c> (environment
/// variables <c>Egov__Mail__Host</c>, …) and checked at startup by <see cref="MailOptionsValidator"/>.
/// With <see cref="Enabled"/> false (the default) nothing is sent: mails are only logged, so a
/// development host needs no SMTP server.
/// </summary>
internal sealed class MailOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Egov:Mail";

    /// <summary>Whether mails go to the SMTP server (default false: they are only logged).</summary>
    public bool Enabled { get; set; }

    /// <summary>Host name or IP address of the SMTP server (relay or submission server); required when <see cref="Enabled"/>.</summary>
    public string Host { get; set; } = string.Empty;

    /// <summary>TCP port of the SMTP server, 1–65535 (default 587, mail submission with STARTTLS, RFC 6409).</summary>
    public int Port { get; set; } = 587;

    /// <summary>How the connection is secured (default <see cref="MailSecurity.StartTls"/>).</summary>
    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    /// <summary>User name for SMTP authentication; null or empty: no authentication. Requires <see cref="Password"/>.</summary>
    public string? UserName { get; set; }

    /// <summary>Password for SMTP authentication; keep it in a secret store (<c>Egov__Mail__Password</c>), never in appsettings.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// The sender's bare address (RFC 5322 addr-spec), e.g. <c>noreply@musterstadt.example</c>:
    /// the <c>From</c> of every mail and the domain of its <c>Message-Id</c>. Required when
    /// <see cref="Enabled"/>; without it a disabled host uses <c>noreply@localhost</c> in the
    /// mails it only logs.
    /// </summary>
    public string? SenderAddress { get; set; }

    /// <summary>
    /// The sender's display name, e.g. <c>Stadt Musterstadt – Bürgerservice</c>; also the
    /// signature of the mails. Optional, at most 200 characters, one line.
    /// </summary>
    public string? SenderName { get; set; }

    /// <summary>
    /// The longest one send may take in all — connect, TLS, authentication, transfer, QUIT —
    /// from 1 second to 5 minutes (default 30 s). Keep it below <c>Outbox:LeaseDuration</c>.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
