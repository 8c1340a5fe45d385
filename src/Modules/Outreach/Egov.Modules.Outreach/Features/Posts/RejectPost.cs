using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Features.Guidelines;
using Egov.SharedKernel.Errors;
using Mediator;

namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>An approver sends a post back with a reason (<c>POST …/reject</c>).</summary>
internal sealed record RejectPostCommand(OutreachActor Actor, Guid Id, int? IfMatch, RejectPostInput Input) : ICommand<PostView>;

internal sealed class RejectPostHandler(PostStore store, GuidelineGate gate, TimeProvider time) : ICommandHandler<RejectPostCommand, PostView>
{
    public async ValueTask<PostView> Handle(RejectPostCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Input.Reason) || command.Input.Reason.Length > 2000)
        {
            throw new RequestValidationException("reason", "Say why (1 to 2000 characters): the author reads it.");
        }

        var version = await gate.EnsureAcknowledgedAsync(command.Actor, "review posts", cancellationToken);
        var post = await store.FindAsync(command.Id, command.IfMatch, cancellationToken);
        post.Reject(command.Actor, command.Input.Reason.Trim(), version, time.GetUtcNow());
        await store.SaveAsync(cancellationToken);
        return await store.ViewAsync(post, cancellationToken);
    }
}
