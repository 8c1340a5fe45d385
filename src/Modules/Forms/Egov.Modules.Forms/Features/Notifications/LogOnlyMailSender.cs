using Microsoft.Extensions.Logging;
using MimeKit;

namespace Egov.Modules.Forms.Features.Notifications;

/// <summary>
/// Used when <c>Egov:Mail:Enabled</c> is false (the default, so that <c>dotnet run</c> needs no
/// mail server): sends nothing and logs that it did not. Logs the Message-Id and subject at
/// Information and the plain-text body at Debug — never the recipient address, which is
/// personal data the log does not need.
/// </summary>
internal sealed class LogOnlyMailSender(ILogger<LogOnlyMailSender> logger) : IMailSender
{
    /// <inheritdoc />
    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        logger.LogInformation(
            "Mail is disabled (Egov:Mail:Enabled is false); not sending mail {MessageId} \"{Subject}\"",
            message.MessageId, message.Subject);
        logger.LogDebug("Text of the unsent mail {MessageId}:\n{Text}", message.MessageId, message.TextBody);
        return Task.CompletedTask;
    }
}
