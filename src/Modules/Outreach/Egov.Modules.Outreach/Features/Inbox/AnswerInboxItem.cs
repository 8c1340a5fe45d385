using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Features.Deliveries;
using Egov.Modules.Outreach.Features.Guidelines;
using Egov.Modules.Outreach.Features.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Work;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Inbox;

/// <summary>
/// An editor answers a citizen's item (<c>POST /api/v1/outreach/inbox/{id}/answer</c>): the answer becomes a post with one
/// variant on the item's channel, in reply to the platform's item (<see cref="PostVariant.ReplyToPlatformId"/>), checked
/// like any post (personal data, banned terms, limits) and submitted for approval in the same step — a second person
/// approves it (four eyes) before the delivery engine sends it. A blocking finding refuses it (422) and nothing is stored.
/// The one exception is the channel's acknowledgement policy: a text that is one of the channel's approved acknowledgements
/// (<see cref="SetAcknowledgementPolicyCommand"/>) is approved by that policy and goes out at once.
/// </summary>
internal sealed record AnswerInboxItemCommand(OutreachActor Actor, Guid Id, AnswerInboxInput Input) : ICommand<PostView>;

internal sealed class AnswerInboxItemHandler(OutreachDbContext db, PostStore store, GuidelineGate gate, PostCheckService checks, WorkSignal<DeliveryEngine> signal, TimeProvider time) : ICommandHandler<AnswerInboxItemCommand, PostView>
{
    /// <exception cref="RequestValidationException"><c>text</c> empty or over 20,000 characters; <c>language</c> not a language tag.</exception>
    /// <exception cref="NotFoundException">No such item.</exception>
    /// <exception cref="ConflictException">The item is answered already.</exception>
    /// <exception cref="ForbiddenException">Not an Editor, or the guidelines in force are not acknowledged.</exception>
    public async ValueTask<PostView> Handle(AnswerInboxItemCommand command, CancellationToken cancellationToken)
    {
        PostRules.EnsureMayDraft(command.Actor, crisis: false);
        var text = command.Input.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 20_000)
        {
            throw new RequestValidationException("text", "The answer's text must be 1 to 20,000 characters.");
        }

        var language = string.IsNullOrWhiteSpace(command.Input.Language) ? "de" : command.Input.Language.Trim();
        if (language.Length > 35 || !language.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new RequestValidationException("language", "Must be a BCP 47 language tag such as de or de-x-ls.");
        }

        var version = await gate.EnsureAcknowledgedAsync(command.Actor, "answer citizens", cancellationToken);
        var item = await db.InboxItems.FirstOrDefaultAsync(i => i.Id == command.Id, cancellationToken) ?? throw new NotFoundException($"There is no inbox item {command.Id}.");
        if (item.AnswerPostId is { } answered)
        {
            throw new ConflictException($"This item is answered already (post {answered}).");
        }

        // An approved acknowledgement goes out exactly as it was approved, whatever white space the editor typed.
        var channel = await db.Channels.AsNoTracking().FirstAsync(c => c.Id == item.ChannelId, cancellationToken);
        var acknowledgement = AcknowledgementPolicy.Match(channel.AcknowledgementTexts, text);
        var variant = new PostVariant { Id = Guid.NewGuid(), ChannelId = item.ChannelId, Text = acknowledgement ?? text, Language = language, ReplyToPlatformId = item.ReplyTarget };
        var report = await checks.CheckAsync([variant], null, version, cancellationToken);
        PostCheckService.EnsurePasses(report, "submitted");
        var now = time.GetUtcNow();
        // No name or handle in the title: the post outlives the item's retention, the citizen's data must not.
        var title = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Antwort im Posteingang ({item.ChannelKind}, {item.Kind} vom {item.PublishedAt:yyyy-MM-dd})");
        var post = Post.CreateDraft(title, crisis: false, [variant], command.Actor, version, now);
        post.Submit(command.Actor, version, PostCheckService.Serialize(report), now);
        db.Posts.Add(post);
        if (acknowledgement is not null)
        {
            post.ApproveByAcknowledgementPolicy(channel.Name, version, PostCheckService.Serialize(report), now);
        }

        item.Answer(post.Id, now);
        await store.SaveAsync(cancellationToken);
        if (acknowledgement is not null)
        {
            signal.Notify();
        }

        return await store.ViewAsync(post, cancellationToken);
    }
}
