using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Features.Guidelines;
using Mediator;

namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>An approver lets a post out (<c>POST …/approve</c>): four eyes, the checks again, the report stored with the approval.</summary>
internal sealed record ApprovePostCommand(OutreachActor Actor, Guid Id, int? IfMatch) : ICommand<PostView>;

internal sealed class ApprovePostHandler(PostStore store, GuidelineGate gate, PostCheckService checks, TimeProvider time) : ICommandHandler<ApprovePostCommand, PostView>
{
    public async ValueTask<PostView> Handle(ApprovePostCommand command, CancellationToken cancellationToken)
    {
        var version = await gate.EnsureAcknowledgedAsync(command.Actor, "approve posts", cancellationToken);
        var post = await store.FindAsync(command.Id, command.IfMatch, cancellationToken);
        var report = await checks.CheckAsync(post.Variants, post.Id, version, cancellationToken);
        PostCheckService.EnsurePasses(report, "approved");
        post.Approve(command.Actor, version, PostCheckService.Serialize(report), time.GetUtcNow());
        await store.SaveAsync(cancellationToken);
        return await store.ViewAsync(post, cancellationToken);
    }
}
