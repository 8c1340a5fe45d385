using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Features.Guidelines;
using Mediator;

namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>The author sends a draft to review (<c>POST …/submit</c>); the checks run on the exact texts and a blocking finding refuses it (422).</summary>
internal sealed record SubmitPostCommand(OutreachActor Actor, Guid Id, int? IfMatch) : ICommand<PostView>;

internal sealed class SubmitPostHandler(PostStore store, GuidelineGate gate, PostCheckService checks, TimeProvider time) : ICommandHandler<SubmitPostCommand, PostView>
{
    public async ValueTask<PostView> Handle(SubmitPostCommand command, CancellationToken cancellationToken)
    {
        var version = await gate.EnsureAcknowledgedAsync(command.Actor, "submit posts", cancellationToken);
        var post = await store.FindAsync(command.Id, command.IfMatch, cancellationToken);
        var report = await checks.CheckAsync(post.Variants, post.Id, version, cancellationToken);
        PostCheckService.EnsurePasses(report, "submitted");
        post.Submit(command.Actor, version, PostCheckService.Serialize(report), time.GetUtcNow());
        await store.SaveAsync(cancellationToken);
        return await store.ViewAsync(post, cancellationToken);
    }
}
