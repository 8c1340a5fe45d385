using Egov.Modules.Outreach.Domain.Deliveries;
using Egov.Modules.Outreach.Domain.Posts;
using Egov.SharedKernel.Errors;
using Mediator;

namespace Egov.Modules.Outreach.Features.Deliveries;

/// <summary>A person cancels a delivery that has not gone out.</summary>
internal sealed record CancelDeliveryCommand(OutreachActor Actor, Guid Id) : ICommand<DeliveryView>;

internal sealed class CancelDeliveryHandler(DeliveryStore store, TimeProvider time) : ICommandHandler<CancelDeliveryCommand, DeliveryView>
{
    public async ValueTask<DeliveryView> Handle(CancelDeliveryCommand command, CancellationToken cancellationToken)
    {
        DeliveryAccess.EnsureMaySteer(command.Actor);
        var delivery = await store.FindAsync(command.Id, cancellationToken);
        if (delivery.Status is DeliveryStatus.Sent or DeliveryStatus.Sending or DeliveryStatus.Cancelled)
        {
            throw new ConflictException($"The delivery is {delivery.Status}; it cannot be cancelled (a sent post is retracted on the platform).");
        }

        var now = time.GetUtcNow();
        delivery.Cancel();
        await store.CompleteAsync(delivery.PostId, delivery, now, cancellationToken);
        await store.SaveAsync(cancellationToken);
        return DeliveryView.From(delivery);
    }
}
