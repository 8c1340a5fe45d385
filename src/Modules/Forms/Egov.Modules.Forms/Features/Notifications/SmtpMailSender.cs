using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Egov.Modules.Forms.Features.Notifications;

/// <summary>
/// Sends through the SMTP server of <see cref="MailOptions"/> with MailKit: a new connection per
/// mail (connect, STARTTLS or TLS as configured, authenticate when a user name is set, send,
/// QUIT). Status mails are few; a pooled connection would save little and could go stale.
/// </summary>
/// <remarks>
/// Failures throw — the outbox retries the event with back-off and parks it after
/// <c>Outbox:MaxAttempts</c>:
/// <list type="bullet">
/// <item>network errors (refused, unreachable, reset): <see cref="System.Net.Sockets.SocketException"/> or <see cref="IOException"/>;</item>
/// <item>TLS and certificate errors, or STARTTLS not offered: <see cref="SslHandshakeException"/>, <see cref="NotSupportedException"/>;</item>
/// <item>wrong credentials: <see cref="AuthenticationException"/>;</item>
/// <item>the server refuses sender, recipient or message: <see cref="SmtpCommandException"/> (its <c>StatusCode</c> tells a
/// temporary 4xx from a permanent 5xx; both throw, the caller may treat 5xx as final);</item>
/// <item>the whole send took longer than <see cref="MailOptions.Timeout"/>: <see cref="TimeoutException"/>.</item>
/// </list>
/// Cancellation by the caller's token before the server accepted the message throws
/// <see cref="OperationCanceledException"/>. Once it has accepted the message, a failing or
/// cancelled QUIT is only logged: throwing then would make the outbox send the mail again. Delivery is still at least once (see <see cref="IMailSender"/>).
/// </remarks>
internal sealed class SmtpMailSender(IOptions<MailOptions> options, ILogger<SmtpMailSender> logger) : IMailSender
{
    /// <inheritdoc />
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;

        // MailKit's Timeout bounds each read and write; the linked source bounds the whole send.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.Timeout);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, ToSecureSocketOptions(settings.Security), deadline.Token);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, deadline.Token);
            }

            await client.SendAsync(message, deadline.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the caller's cancellation but our deadline: report it as a timeout, a failure to retry.
            throw new TimeoutException(
                $"Sending mail {message.MessageId} through {settings.Host}:{settings.Port} took longer than {settings.Timeout}.", ex);
        }

        logger.LogInformation("Mail {MessageId} accepted by {Host}:{Port}", message.MessageId, settings.Host, settings.Port);
        try
        {
            await client.DisconnectAsync(quit: true, deadline.Token);
        }
        catch (Exception ex)
        {
            // Accepted is sent: neither a failed QUIT nor a cancellation now may make the caller retry.
            logger.LogWarning(ex, "QUIT after mail {MessageId} failed; the mail was accepted already", message.MessageId);
        }
    }

    /// <summary>Maps the configured security onto MailKit's options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An undefined <see cref="MailSecurity"/> value.</exception>
    internal static SecureSocketOptions ToSecureSocketOptions(MailSecurity security) => security switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "Unknown mail security."),
    };
}
