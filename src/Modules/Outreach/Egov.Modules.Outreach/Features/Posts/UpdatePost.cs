using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Features.Guidelines;
using Egov.Modules.Outreach.Persistence;
using FluentValidation;
using Mediator;

namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>An editor changes a draft or a post in review (<c>PUT /api/v1/outreach/posts/{id}</c>, If-Match); an edit makes the editor a contributor.</summary>
internal sealed record UpdatePostCommand(OutreachActor Actor, Guid Id, int? IfMatch, PostInput Input) : ICommand<PostView>;

internal sealed class UpdatePostValidator(IValidator<PostInput> input) : InputValidator<UpdatePostCommand, PostInput>(input, c => c.Input);

internal sealed class UpdatePostHandler(OutreachDbContext db, PostStore store, GuidelineGate gate, PostCheckService checks, TimeProvider time) : ICommandHandler<UpdatePostCommand, PostView>
{
    public async ValueTask<PostView> Handle(UpdatePostCommand command, CancellationToken cancellationToken)
    {
        PostRules.EnsureMayDraft(command.Actor, command.Input.Crisis);
        var version = await gate.EnsureAcknowledgedAsync(command.Actor, "edit posts", cancellationToken);
        var post = await store.FindAsync(command.Id, command.IfMatch, cancellationToken);
        var variants = PostRules.Variants(command.Input);
        await checks.ResolveChannelsAsync(variants, command.Id, cancellationToken);
        await store.EnsureMediaOfPostAsync(post.Id, variants, cancellationToken);

        // An answer to a citizen stays an answer when its text is edited (the target is not part of the input).
        foreach (var variant in variants)
        {
            variant.ReplyToPlatformId = post.Variants.FirstOrDefault(v => v.ChannelId == variant.ChannelId)?.ReplyToPlatformId;
        }

        db.PostVariants.RemoveRange(post.Variants);
        post.Edit(command.Input.Title!.Trim(), command.Input.Crisis, variants, command.Actor, version, time.GetUtcNow());
        await store.SaveAsync(cancellationToken);
        return await store.ViewAsync(post, cancellationToken);
    }
}
