using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Features.Deliveries;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Time;
using Egov.SharedKernel.Work;
using Mediator;

namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>An approved post is published now or at a Europe/Berlin time (<c>POST …/schedule</c>); the delivery engine is woken.</summary>
internal sealed record SchedulePostCommand(OutreachActor Actor, Guid Id, int? IfMatch, SchedulePostInput Input) : ICommand<PostView>;

internal sealed class SchedulePostHandler(PostStore store, WorkSignal<DeliveryEngine> signal, TimeProvider time) : ICommandHandler<SchedulePostCommand, PostView>
{
    public async ValueTask<PostView> Handle(SchedulePostCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var publishAt = BerlinLocalTime.Parse(command.Input.PublishAt, "publishAt") ?? now;
        if (publishAt < now.AddMinutes(-1))
        {
            throw new RequestValidationException("publishAt", "The time is in the past; omit it to publish at once, or choose a later time.");
        }

        var post = await store.FindAsync(command.Id, command.IfMatch, cancellationToken);
        post.Schedule(publishAt < now ? now : publishAt, command.Actor, now);
        await store.SaveAsync(cancellationToken);
        signal.Notify();
        return await store.ViewAsync(post, cancellationToken);
    }
}
