using Egov.Modules.Outreach.Domain.Posts;
using Egov.SharedKernel.Errors;
using Mediator;

namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>Another approver reviews a crisis post its author approved (break-glass, <c>POST …/review</c>).</summary>
internal sealed record ReviewBreakGlassCommand(OutreachActor Actor, Guid Id, int? IfMatch, ReviewPostInput Input) : ICommand<PostView>;

internal sealed class ReviewBreakGlassHandler(PostStore store, TimeProvider time) : ICommandHandler<ReviewBreakGlassCommand, PostView>
{
    public async ValueTask<PostView> Handle(ReviewBreakGlassCommand command, CancellationToken cancellationToken)
    {
        if (command.Input.Note?.Length > 2000)
        {
            throw new RequestValidationException("note", "At most 2000 characters.");
        }

        var post = await store.FindAsync(command.Id, command.IfMatch, cancellationToken);
        post.ReviewBreakGlass(command.Actor, command.Input.Note?.Trim(), time.GetUtcNow());
        await store.SaveAsync(cancellationToken);
        return await store.ViewAsync(post, cancellationToken);
    }
}
