using Egov.Modules.Outreach.Domain.Guidelines;
using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Guidelines;

/// <summary>A staff member acknowledges the version in force (<c>POST …/guidelines/{version}/acknowledge</c>); a repeat or a double click keeps the first acknowledgement.</summary>
internal sealed record AcknowledgeGuidelineCommand(OutreachActor Actor, int Version) : ICommand<GuidelineView>;

internal sealed class AcknowledgeGuidelineHandler(OutreachDbContext db, TimeProvider time) : ICommandHandler<AcknowledgeGuidelineCommand, GuidelineView>
{
    public async ValueTask<GuidelineView> Handle(AcknowledgeGuidelineCommand command, CancellationToken cancellationToken)
    {
        var current = await db.Guidelines.MaxAsync(g => (int?)g.Version, cancellationToken);
        var guideline = await db.Guidelines.FirstOrDefaultAsync(g => g.Version == command.Version, cancellationToken)
            ?? throw new NotFoundException($"There is no guideline version {command.Version}.");
        if (command.Version != current)
        {
            throw new ConflictException($"Version {command.Version} is no longer in force; read and acknowledge version {current}.");
        }

        var existing = await db.GuidelineAcknowledgements.FirstOrDefaultAsync(a => a.GuidelineVersion == command.Version && a.Subject == command.Actor.Subject, cancellationToken);
        if (existing is null)
        {
            // Stored to the microsecond (PostgreSQL's precision), so the answer here and the one a
            // parallel double click reads back name the same instant.
            var now = time.GetUtcNow();
            existing = new GuidelineAcknowledgement
            {
                GuidelineVersion = command.Version,
                Subject = command.Actor.Subject,
                Name = command.Actor.Name,
                AcknowledgedAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond)),
            };
            db.GuidelineAcknowledgements.Add(existing);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same person acknowledged in a parallel request (a double click): that one counts.
                db.ChangeTracker.Clear();
                existing = await db.GuidelineAcknowledgements.AsNoTracking()
                    .FirstAsync(a => a.GuidelineVersion == command.Version && a.Subject == command.Actor.Subject, cancellationToken);
            }
        }

        return GuidelineView.From(guideline, current.Value, existing.AcknowledgedAt);
    }
}
