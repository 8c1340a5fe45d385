using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Features.Channels;
using Egov.Modules.Outreach.Features.Channels.Kinds;
using Egov.Modules.Outreach.Features.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Egov.Modules.Outreach.Features.Inbox;

/// <summary>
/// A staff member hides or reports an abusive item on the platform (<c>POST /api/v1/outreach/inbox/{id}/moderate</c>):
/// Facebook and Instagram comments are hidden, Mastodon statuses reported to the instance's moderators
/// (<see cref="IInboxModerator"/>). The action, who took it, when and why are recorded on the item and logged (the audit);
/// the item is flagged with the reason. A kind that offers neither answers 422 and nothing is sent or stored.
/// </summary>
internal sealed record ModerateInboxItemCommand(OutreachActor Actor, Guid Id, ModerateInboxInput Input) : ICommand<InboxItemView>;

/// <param name="Action"><c>hide</c> (Facebook, Instagram) or <c>report</c> (Mastodon); the channel's kind decides which it offers.</param>
/// <param name="Reason">Why (required, at most 1,000 characters; sent with a Mastodon report, kept in Egov otherwise).</param>
internal sealed record ModerateInboxInput(string? Action, string? Reason);

internal sealed partial class ModerateInboxItemHandler(OutreachDbContext db, IEnumerable<IChannelAdapter> adapters, ChannelCredentialProtector protector, TimeProvider time, ILogger<ModerateInboxItemHandler> logger)
    : ICommandHandler<ModerateInboxItemCommand, InboxItemView>
{
    /// <exception cref="ForbiddenException">Not an Editor or Approver.</exception>
    /// <exception cref="RequestValidationException"><c>action</c> not <c>hide</c> or <c>report</c>; <c>reason</c> blank or too long.</exception>
    /// <exception cref="NotFoundException">No such item.</exception>
    /// <exception cref="ConflictException">It was hidden or reported already.</exception>
    /// <exception cref="DomainRuleException">The platform offers not this action (or none), or it refused (422 with its words).</exception>
    public async ValueTask<InboxItemView> Handle(ModerateInboxItemCommand command, CancellationToken cancellationToken)
    {
        PostRules.EnsureMayRead(command.Actor);
        if (!(command.Actor.IsEditor || command.Actor.IsApprover))
        {
            throw new ForbiddenException("Items are hidden or reported by Editors or Approvers.");
        }

        var action = command.Input.Action?.Trim().ToLowerInvariant();
        if (action is not (InboxModeration.Hide or InboxModeration.Report))
        {
            throw new RequestValidationException("action", "Must be 'hide' (Facebook, Instagram) or 'report' (Mastodon).");
        }

        var reason = command.Input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 1000)
        {
            throw new RequestValidationException("reason", "Say why (1 to 1,000 characters).");
        }

        var item = await db.InboxItems.FirstOrDefaultAsync(i => i.Id == command.Id, cancellationToken) ?? throw new NotFoundException($"There is no inbox item {command.Id}.");
        if (item.Moderation is { } done)
        {
            throw new ConflictException($"This item was {(done == InboxModeration.Hide ? "hidden" : "reported")} already on {item.ModeratedAt:yyyy-MM-dd}.");
        }

        var channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == item.ChannelId, cancellationToken) ?? throw new NotFoundException($"The channel of inbox item {command.Id} no longer exists.");
        var moderator = adapters.OfType<IInboxModerator>().FirstOrDefault(m => m.Kind == channel.Kind);
        if (moderator is null || moderator.Action != action)
        {
            var exception = new DomainRuleException(moderator is null
                ? $"{channel.Kind} offers no way to hide or report an item through its API; handle it on the platform itself."
                : $"{channel.Kind} offers '{moderator.Action}', not '{action}'.");
            exception.Extensions["code"] = "moderation-unsupported";
            exception.Extensions["supported"] = moderator is null ? Array.Empty<string>() : [moderator.Action];
            throw exception;
        }

        try
        {
            var credentials = channel.ProtectedCredentials is null ? new Dictionary<string, string>() : protector.Unprotect(channel.ProtectedCredentials);
            await moderator.ModerateAsync(new ChannelEndpoint(channel.Id, channel.Kind, channel.Name, channel.Address, channel.Account, credentials), item.PlatformItemId, reason, cancellationToken);
        }
        catch (PlatformUnavailableException e)
        {
            var exception = new DomainRuleException($"The platform did not {action} the item: {e.Message}");
            exception.Extensions["code"] = "moderation-failed";
            throw exception;
        }

        var now = time.GetUtcNow();
        item.Moderated(action, command.Actor.Subject, command.Actor.Name, reason, now);
        item.Flag(true, item.FlagReason ?? reason);
        await db.SaveChangesAsync(cancellationToken);
        LogModerated(item.Id, channel.Name, action, command.Actor.Subject);
        return InboxItemView.From(item);
    }

    [LoggerMessage(EventId = 841, Level = LogLevel.Information, Message = "Inbox item {Item} on {Channel}: {Action} by {Subject}")]
    private partial void LogModerated(Guid item, string channel, string action, string subject);
}
