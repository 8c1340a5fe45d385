using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Features.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Inbox;

/// <summary>Assigns an inbox item to a staff member (default: the caller) or unassigns it (<c>POST /api/v1/outreach/inbox/{id}/assign</c>).</summary>
internal sealed record AssignInboxItemCommand(OutreachActor Actor, Guid Id, AssignInboxInput Input) : ICommand<InboxItemView>;

internal sealed class AssignInboxItemHandler(OutreachDbContext db) : ICommandHandler<AssignInboxItemCommand, InboxItemView>
{
    /// <exception cref="NotFoundException">No such item.</exception>
    /// <exception cref="RequestValidationException"><c>assignee</c> longer than 200 characters.</exception>
    public async ValueTask<InboxItemView> Handle(AssignInboxItemCommand command, CancellationToken cancellationToken)
    {
        PostRules.EnsureMayRead(command.Actor);
        if (command.Input.Assignee is { Length: > 200 })
        {
            throw new RequestValidationException("assignee", "At most 200 characters (a staff member's subject).");
        }

        var item = await db.InboxItems.FirstOrDefaultAsync(i => i.Id == command.Id, cancellationToken) ?? throw new NotFoundException($"There is no inbox item {command.Id}.");
        item.Assign(command.Input.Unassign == true ? null : string.IsNullOrWhiteSpace(command.Input.Assignee) ? command.Actor.Subject : command.Input.Assignee.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return InboxItemView.From(item);
    }
}
