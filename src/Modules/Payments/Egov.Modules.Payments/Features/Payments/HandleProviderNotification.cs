using Egov.Modules.Payments.Domain;
using Egov.Modules.Payments.Features.Providers;
using Egov.Modules.Payments.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Egov.Modules.Payments.Features.Payments;

/// <summary>A notification as the provider POSTed it: raw body and headers (the signature covers the exact bytes).</summary>
internal sealed record HandleProviderNotificationCommand(string Body, IReadOnlyDictionary<string, string> Headers) : ICommand<NotificationOutcome>;

/// <summary>What became of a verified notification: <c>Applied</c>, <c>Duplicate</c> (seen before) or <c>Ignored</c> (not about a payment of ours).</summary>
internal sealed record NotificationOutcome(string Result);

/// <summary>
/// A provider's signed notification: verified first (a forged one is refused with 400 and changes
/// nothing), kept once per event id (a repeat is answered 200 and changes nothing), then booked like
/// the browser's return (<see cref="PaymentSettlement"/>).
/// </summary>
internal sealed partial class HandleProviderNotificationHandler(
    PaymentsDbContext db, IPaymentProvider provider, PaymentSettlement settlement, TimeProvider time, ILogger<HandleProviderNotificationHandler> logger)
    : ICommandHandler<HandleProviderNotificationCommand, NotificationOutcome>
{
    public async ValueTask<NotificationOutcome> Handle(HandleProviderNotificationCommand command, CancellationToken cancellationToken)
    {
        var notification = provider.ReadNotification(command.Body, command.Headers);
        try
        {
            return await settlement.RetryOnConflictAsync(() => BookAsync(notification, cancellationToken));
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<ProviderNotification>().Any())
        {
            // The same event was booked on another instance at the same moment (its key is taken).
            db.ChangeTracker.Clear();
            if (await SeenAsync(notification.EventId, cancellationToken))
            {
                return new NotificationOutcome("Duplicate");
            }

            throw;
        }
    }

    private async Task<NotificationOutcome> BookAsync(ProviderEvent notification, CancellationToken cancellationToken)
    {
        if (await SeenAsync(notification.EventId, cancellationToken))
        {
            return new NotificationOutcome("Duplicate");
        }

        var payment = notification.Outcome is { } outcome ? await FindAsync(outcome, cancellationToken) : null;
        db.ProviderNotifications.Add(ProviderNotification.Received(provider.Name, notification.EventId, notification.EventType, payment?.Id, time.GetUtcNow()));
        if (payment is null)
        {
            LogIgnored(logger, provider.Name, notification.EventId, notification.EventType);
        }
        else
        {
            await settlement.ApplyAsync(payment, notification.Outcome!, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new NotificationOutcome(payment is null ? "Ignored" : "Applied");
    }

    private Task<bool> SeenAsync(string eventId, CancellationToken cancellationToken) =>
        db.ProviderNotifications.AnyAsync(n => n.Provider == provider.Name && n.EventId == eventId, cancellationToken);

    /// <summary>By the provider's page id; else by our id the provider echoes, if that payment has no other page.</summary>
    private async Task<Payment?> FindAsync(ProviderOutcome outcome, CancellationToken cancellationToken) =>
        await db.Payments.FirstOrDefaultAsync(p => p.Provider == provider.Name && p.CheckoutId == outcome.CheckoutId, cancellationToken)
        ?? (outcome.PaymentId is { } id
            ? await db.Payments.FirstOrDefaultAsync(p => p.Id == id && p.Provider == provider.Name && p.CheckoutId == null, cancellationToken)
            : null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {EventId} ({EventType}) of {Provider} is about no payment of ours; kept and ignored.")]
    private static partial void LogIgnored(ILogger logger, string provider, string eventId, string eventType);
}
