using Egov.Modules.Outreach.Domain.Posts;
using Egov.SharedKernel.Errors;
using Mediator;

namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>A post is withdrawn before it goes out (<c>POST …/cancel</c>).</summary>
internal sealed record CancelPostCommand(OutreachActor Actor, Guid Id, int? IfMatch, CancelPostInput Input) : ICommand<PostView>;

internal sealed class CancelPostHandler(PostStore store, TimeProvider time) : ICommandHandler<CancelPostCommand, PostView>
{
    public async ValueTask<PostView> Handle(CancelPostCommand command, CancellationToken cancellationToken)
    {
        if (command.Input.Reason?.Length > 2000)
        {
            throw new RequestValidationException("reason", "At most 2000 characters.");
        }

        var post = await store.FindAsync(command.Id, command.IfMatch, cancellationToken);
        post.Cancel(command.Actor, command.Input.Reason?.Trim(), time.GetUtcNow());
        await store.SaveAsync(cancellationToken);
        return await store.ViewAsync(post, cancellationToken);
    }
}
