using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Features.Guidelines;
using Egov.Modules.Outreach.Persistence;
using FluentValidation;
using Mediator;

namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>An editor drafts a post (<c>POST /api/v1/outreach/posts</c>); the guideline in force must be acknowledged.</summary>
internal sealed record CreatePostCommand(OutreachActor Actor, PostInput Input) : ICommand<PostView>;

internal sealed class CreatePostValidator(IValidator<PostInput> input) : InputValidator<CreatePostCommand, PostInput>(input, c => c.Input);

internal sealed class CreatePostHandler(OutreachDbContext db, PostStore store, GuidelineGate gate, PostCheckService checks, TimeProvider time) : ICommandHandler<CreatePostCommand, PostView>
{
    public async ValueTask<PostView> Handle(CreatePostCommand command, CancellationToken cancellationToken)
    {
        PostRules.EnsureMayDraft(command.Actor, command.Input.Crisis);
        var version = await gate.EnsureAcknowledgedAsync(command.Actor, "draft posts", cancellationToken);
        var variants = PostRules.Variants(command.Input);
        await checks.ResolveChannelsAsync(variants, null, cancellationToken);
        PostRules.EnsureNoMedia(variants);
        var post = Post.CreateDraft(command.Input.Title!.Trim(), command.Input.Crisis, variants, command.Actor, version, time.GetUtcNow());
        db.Posts.Add(post);
        await store.SaveAsync(cancellationToken);
        return await store.ViewAsync(post, cancellationToken);
    }
}
