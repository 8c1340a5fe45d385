using Egov.Modules.Forms.Contracts;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Catalog;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Hosting;
using Egov.SharedKernel.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Forms.Features.Notifications;

/// <summary>
/// Mails the applicant on each citizen-visible step of their case (<see cref="ApplicationStatusNotifications"/>, the list push uses too):
/// status, reference number, form title and a link — nothing else. Idempotent per event through
/// the inbox; the mail is sent before the inbox entry is saved, so a crash in between may send one
/// mail twice (at-least-once, like the outbox), never none.
/// </summary>
internal sealed partial class OnApplicationStatusChanged(
    FormsDbContext db,
    StatusMailComposer composer,
    IMailSender sender,
    IOptions<PublicSiteOptions> site,
    TimeProvider time,
    ILogger<OnApplicationStatusChanged> logger) : IntegrationEventHandler<ApplicationStatusChangedIntegrationEvent, FormsDbContext>(db, time)
{
    // The inbox key of this reaction: stored with every handled event, so it keeps the handler's
    // earlier class name; a new name would mail every event not yet pruned from the inbox again.
    protected override string InboxName => "ApplicationStatusMailHandler";

    protected override async ValueTask HandleAsync(ApplicationStatusChangedIntegrationEvent notification, CancellationToken cancellationToken)
    {
        if (!ApplicationStatusNotifications.NotifiesApplicant(notification.Status))
        {
            return;
        }

        var application = await Db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == notification.ApplicationId, cancellationToken);
        if (application?.ApplicantEmail is { Length: > 0 } email)
        {
            var form = await Db.FindAsync(application.FormId.ToString(), cancellationToken);
            DateOnly? answerBy = notification.Status == ApplicationStatuses.InformationRequested
                ? await Db.InformationRequests.AsNoTracking()
                    .Where(r => r.ApplicationId == application.Id && r.Status == InformationRequestStatus.Open)
                    .Select(r => (DateOnly?)r.AnswerBy).FirstOrDefaultAsync(cancellationToken)
                : null;
            try
            {
                var message = composer.Compose(new StatusMailInput(
                    email, application.ApplicantLanguage, notification.ReferenceNumber, form.Version(application.FormVersion).Content.Title,
                    notification.Status, answerBy, site.Value.Link($"applications/{application.Id}")));
                await sender.SendAsync(message, cancellationToken);
            }
            catch (ArgumentException ex)
            {
                // Permanent (e.g. an address the IdP gave us that is not one mailbox): retrying cannot help.
                LogNotSent(logger, notification.ReferenceNumber, ex.Message);
            }
        }
        else
        {
            LogNoAddress(logger, notification.ReferenceNumber);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status mail for {ReferenceNumber} not sent: {Reason}")]
    private static partial void LogNotSent(ILogger logger, string referenceNumber, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Status mail for {ReferenceNumber} not sent: the applicant has no e-mail address")]
    private static partial void LogNoAddress(ILogger logger, string referenceNumber);
}
