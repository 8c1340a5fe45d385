using MailKit.Security;

namespace Egov.Modules.Forms.Features.Notifications;

/// <summary>
/// How the connection to the SMTP server is secured; configured as <c>Egov:Mail:Security</c> by
/// name. Maps one to one onto MailKit's <see cref="SecureSocketOptions"/>.
/// </summary>
internal enum MailSecurity
{
    /// <summary>
    /// Plain SMTP, no TLS even if the server offers STARTTLS (<see cref="SecureSocketOptions.None"/>).
    /// Only for a relay on the same machine or a trusted network; credentials are then allowed
    /// only for a loopback host (see <see cref="MailOptionsValidator"/>).
    /// </summary>
    None,

    /// <summary>
    /// Plain connect, then STARTTLS (RFC 3207), usually port 587 (<see cref="SecureSocketOptions.StartTls"/>).
    /// A server that does not offer STARTTLS fails the send: there is no fallback to plain text.
    /// </summary>
    StartTls,

    /// <summary>TLS from the first byte ("implicit TLS", RFC 8314), usually port 465 (<see cref="SecureSocketOptions.SslOnConnect"/>).</summary>
    SslOnConnect,
}
