using Egov.Modules.Handoff.Domain;
using Egov.Modules.Handoff.Features.Handoffs;
using Egov.Modules.Handoff.Persistence;
using Egov.SharedKernel.Errors;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Handoff.Features.Feed;

/// <summary>
/// The target processed its feed up to and including <see cref="Position"/>: the next read without
/// <c>after</c> starts behind it. Idempotent; an older position than acknowledged already changes
/// nothing. A position the feed has not given yet is refused (422), so a client bug cannot skip events.
/// </summary>
internal sealed record AcknowledgeFeedCommand(FeedReader Reader, string Target, long Position) : ICommand<long>;

internal sealed class AcknowledgeFeedValidator : AbstractValidator<AcknowledgeFeedCommand>
{
    public AcknowledgeFeedValidator() => RuleFor(c => c.Position).GreaterThan(0).OverridePropertyName("position");
}

internal sealed class AcknowledgeFeedHandler(HandoffDbContext db, HandoffTargets targets, TimeProvider time) : ICommandHandler<AcknowledgeFeedCommand, long>
{
    public async ValueTask<long> Handle(AcknowledgeFeedCommand command, CancellationToken cancellationToken)
    {
        FeedAccess.Authorize(targets, command.Target, command.Reader);
        if (!await db.Deliveries.AnyAsync(d => d.TargetKey == command.Target && d.Position == command.Position, cancellationToken))
        {
            throw new DomainRuleException($"Position {command.Position} is not an entry of this feed; acknowledge a position the feed gave you.");
        }

        var now = time.GetUtcNow();
        var cursor = await db.FeedCursors.FirstOrDefaultAsync(c => c.TargetKey == command.Target, cancellationToken);
        if (cursor is null)
        {
            cursor = FeedCursor.Start(command.Target, command.Position, now);
            db.FeedCursors.Add(cursor);
        }
        else
        {
            cursor.Acknowledge(command.Position, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return cursor.AcknowledgedPosition;
    }
}
