using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Time;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Announcements.Features.Authoring;

/// <summary>The CAP 1.2 rules an alert must meet when it goes out (published now or scheduled).</summary>
internal static class AlertRules
{
    /// <summary>Checks an alert against the time it is sent (UTC); other kinds pass.</summary>
    /// <exception cref="RequestValidationException">
    /// <c>alert.onset</c> before sent (the city's own alerts; CAP 1.2 §3.2.1: sent ≤ onset), <c>alert.expires</c> not after sent,
    /// <c>alert.references</c> naming an alert that was never published.
    /// </exception>
    public static async Task EnsureAsync(AnnouncementsDbContext db, Announcement announcement, DateTimeOffset sent, CancellationToken cancellationToken)
    {
        if (announcement.Content.Alert is not { } alert)
        {
            return;
        }

        if (alert.ImportedFrom is null && alert.Onset < sent.AddMinutes(-1))
        {
            throw new RequestValidationException("alert.onset",
                $"The onset ({CivilTime.ToBerlin(alert.Onset):yyyy-MM-dd HH:mm}) is before the alert is sent ({CivilTime.ToBerlin(sent):yyyy-MM-dd HH:mm}); CAP requires sent ≤ onset. Set the onset to the time of sending or later.");
        }

        if (alert.Expires <= sent)
        {
            throw new RequestValidationException("alert.expires", "The alert would expire before it is sent.");
        }

        foreach (var reference in alert.References)
        {
            var referenced = await db.Announcements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == reference, cancellationToken);
            if (referenced is not { Kind: AnnouncementKind.Alert } || referenced.PublishedAt is null)
            {
                throw new RequestValidationException("alert.references", $"{reference} is not a published alert.");
            }
        }
    }

    /// <summary>
    /// Publishes an alert now after <see cref="EnsureAsync"/>: its events go to the outbox and the
    /// alerts it updates or cancels are superseded, all tracked for the caller's one save.
    /// </summary>
    /// <exception cref="RequestValidationException">A CAP rule of <see cref="EnsureAsync"/> fails.</exception>
    /// <exception cref="ForbiddenException">It needs an approval and <paramref name="actor"/> is no CrisisManager.</exception>
    public static async Task PublishNowAsync(AnnouncementsDbContext db, Announcement announcement, ContentActor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await EnsureAsync(db, announcement, now, cancellationToken);
        foreach (var integrationEvent in announcement.PublishNow(null, actor, now))
        {
            db.AddIntegrationEvent(integrationEvent);
        }

        await AlertSupersession.ApplyAsync(db, announcement, now, cancellationToken);
    }
}
