using Egov.Modules.Outreach.Domain.Guidelines;
using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Guidelines;

internal sealed record PublishGuidelineCommand(OutreachActor Actor, PublishGuidelineInput Input) : ICommand<GuidelineView>;

internal sealed record AcknowledgeGuidelineCommand(OutreachActor Actor, int Version) : ICommand<GuidelineView>;

internal sealed record GetGuidelineQuery(OutreachActor Actor, int? Version) : IQuery<GuidelineView>;

internal sealed record ListGuidelinesQuery : IQuery<IReadOnlyList<GuidelineSummary>>;

internal sealed record ListGuidelineAcknowledgementsQuery(int Version) : IQuery<IReadOnlyList<GuidelineAcknowledgementView>>;

/// <summary>Versioned guidelines and their acknowledgements.</summary>
internal sealed class GuidelineHandlers(OutreachDbContext db, TimeProvider time) :
    ICommandHandler<PublishGuidelineCommand, GuidelineView>,
    ICommandHandler<AcknowledgeGuidelineCommand, GuidelineView>,
    IQueryHandler<GetGuidelineQuery, GuidelineView>,
    IQueryHandler<ListGuidelinesQuery, IReadOnlyList<GuidelineSummary>>,
    IQueryHandler<ListGuidelineAcknowledgementsQuery, IReadOnlyList<GuidelineAcknowledgementView>>
{
    public async ValueTask<GuidelineView> Handle(PublishGuidelineCommand command, CancellationToken cancellationToken)
    {
        var next = (await db.Guidelines.MaxAsync(g => (int?)g.Version, cancellationToken) ?? 0) + 1;
        var input = command.Input;
        var guideline = Guideline.Publish(next, input.Title!.Trim(), input.Body!, input.ChangeNote, command.Actor.Subject, command.Actor.Name, time.GetUtcNow());
        db.Guidelines.Add(guideline);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException($"Version {next} was published by someone else at the same moment; read the guidelines again.");
        }

        return GuidelineView.From(guideline, next, null);
    }

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

    public async ValueTask<GuidelineView> Handle(GetGuidelineQuery query, CancellationToken cancellationToken)
    {
        var current = await db.Guidelines.MaxAsync(g => (int?)g.Version, cancellationToken)
            ?? throw new NotFoundException("No social-media guidelines are published yet.");
        var version = query.Version ?? current;
        var guideline = await db.Guidelines.AsNoTracking().FirstOrDefaultAsync(g => g.Version == version, cancellationToken)
            ?? throw new NotFoundException($"There is no guideline version {version}.");
        var acknowledgedAt = await db.GuidelineAcknowledgements
            .Where(a => a.GuidelineVersion == version && a.Subject == query.Actor.Subject)
            .Select(a => (DateTimeOffset?)a.AcknowledgedAt).FirstOrDefaultAsync(cancellationToken);
        return GuidelineView.From(guideline, current, acknowledgedAt);
    }

    public async ValueTask<IReadOnlyList<GuidelineSummary>> Handle(ListGuidelinesQuery query, CancellationToken cancellationToken) =>
        await db.Guidelines.AsNoTracking().OrderByDescending(g => g.Version)
            .Select(g => new GuidelineSummary(g.Version, g.Title, g.ChangeNote, g.PublishedAt, g.PublishedByName))
            .ToListAsync(cancellationToken);

    public async ValueTask<IReadOnlyList<GuidelineAcknowledgementView>> Handle(ListGuidelineAcknowledgementsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Guidelines.AnyAsync(g => g.Version == query.Version, cancellationToken))
        {
            throw new NotFoundException($"There is no guideline version {query.Version}.");
        }

        var rows = await db.GuidelineAcknowledgements.AsNoTracking().Where(a => a.GuidelineVersion == query.Version)
            .Select(a => new GuidelineAcknowledgementView(a.Subject, a.Name, a.AcknowledgedAt)).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(a => a.AcknowledgedAt)];
    }
}
