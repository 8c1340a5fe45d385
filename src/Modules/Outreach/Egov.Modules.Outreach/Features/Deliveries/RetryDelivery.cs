using Egov.Modules.Outreach.Domain.Deliveries;
using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Work;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Deliveries;

/// <summary>A person retries a failed or uncertain delivery (after checking the platform); the engine is woken.</summary>
internal sealed record RetryDeliveryCommand(OutreachActor Actor, Guid Id) : ICommand<DeliveryView>;

internal sealed class RetryDeliveryHandler(OutreachDbContext db, DeliveryStore store, WorkSignal<DeliveryEngine> signal, TimeProvider time) : ICommandHandler<RetryDeliveryCommand, DeliveryView>
{
    public async ValueTask<DeliveryView> Handle(RetryDeliveryCommand command, CancellationToken cancellationToken)
    {
        DeliveryAccess.EnsureMaySteer(command.Actor);
        var delivery = await store.FindAsync(command.Id, cancellationToken);
        if (delivery.Status is not (DeliveryStatus.Failed or DeliveryStatus.Uncertain))
        {
            throw new ConflictException($"The delivery is {delivery.Status}; only a failed or uncertain delivery is retried (an uncertain one only after checking the platform).");
        }

        var now = time.GetUtcNow();
        delivery.RetryManually(now);
        var post = await db.Posts.IgnoreAutoIncludes().FirstAsync(p => p.Id == delivery.PostId, cancellationToken);
        if (post.Status != PostStatus.Publishing)
        {
            post.ResumePublishing(command.Actor, now);
        }

        await store.SaveAsync(cancellationToken);
        signal.Notify();
        return DeliveryView.From(delivery);
    }
}
