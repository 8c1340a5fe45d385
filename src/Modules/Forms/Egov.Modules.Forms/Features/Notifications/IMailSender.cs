using MimeKit;

namespace Egov.Modules.Forms.Features.Notifications;

/// <summary>
/// Sends a composed mail. Registered by <see cref="StatusMailExtensions.AddStatusMail"/>: the
/// <see cref="SmtpMailSender"/> when <c>Egov:Mail:Enabled</c> is true, else the
/// <see cref="LogOnlyMailSender"/>.
/// </summary>
internal interface IMailSender
{
    /// <summary>
    /// Hands <paramref name="message"/> to the mail server, to the recipients in its <c>To</c>,
    /// <c>Cc</c> and <c>Bcc</c> headers. Returns when the server has accepted it; throws when it
    /// has not, so that an outbox handler fails and the event is retried.
    /// </summary>
    /// <remarks>
    /// Delivery is at least once: an event retried after the server accepted its mail (the
    /// handler failed later, the outbox lease ran out) sends a second, identical mail unless the
    /// caller deduplicates, e.g. by marking the event processed in the same step.
    /// </remarks>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
