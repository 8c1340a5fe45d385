using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Features.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Inbox;

/// <summary>Flags an inbox item for attention (abusive, urgent, for another department) or clears the flag (<c>POST /api/v1/outreach/inbox/{id}/flag</c>).</summary>
internal sealed record FlagInboxItemCommand(OutreachActor Actor, Guid Id, FlagInboxInput Input) : ICommand<InboxItemView>;

internal sealed class FlagInboxItemHandler(OutreachDbContext db) : ICommandHandler<FlagInboxItemCommand, InboxItemView>
{
    /// <exception cref="NotFoundException">No such item.</exception>
    /// <exception cref="RequestValidationException"><c>flagged</c> missing, or <c>reason</c> over 500 characters.</exception>
    public async ValueTask<InboxItemView> Handle(FlagInboxItemCommand command, CancellationToken cancellationToken)
    {
        PostRules.EnsureMayRead(command.Actor);
        if (command.Input.Flagged is not { } flagged)
        {
            throw new RequestValidationException("flagged", "'flagged' must be true or false.");
        }

        if (command.Input.Reason is { Length: > 500 })
        {
            throw new RequestValidationException("reason", "At most 500 characters.");
        }

        var item = await db.InboxItems.FirstOrDefaultAsync(i => i.Id == command.Id, cancellationToken) ?? throw new NotFoundException($"There is no inbox item {command.Id}.");
        item.Flag(flagged, string.IsNullOrWhiteSpace(command.Input.Reason) ? null : command.Input.Reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return InboxItemView.From(item);
    }
}
