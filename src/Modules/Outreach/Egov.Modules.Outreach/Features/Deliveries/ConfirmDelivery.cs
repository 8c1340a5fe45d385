using Egov.Modules.Outreach.Domain.Deliveries;
using Egov.Modules.Outreach.Domain.Posts;
using Egov.SharedKernel.Errors;
using Mediator;

namespace Egov.Modules.Outreach.Features.Deliveries;

/// <summary>A person confirms an uncertain delivery as sent, optionally with the post's URL on the platform.</summary>
internal sealed record ConfirmDeliveryCommand(OutreachActor Actor, Guid Id, ConfirmDeliveryInput Input) : ICommand<DeliveryView>;

internal sealed class ConfirmDeliveryHandler(DeliveryStore store, TimeProvider time) : ICommandHandler<ConfirmDeliveryCommand, DeliveryView>
{
    public async ValueTask<DeliveryView> Handle(ConfirmDeliveryCommand command, CancellationToken cancellationToken)
    {
        DeliveryAccess.EnsureMaySteer(command.Actor);
        if (command.Input.Url is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            throw new RequestValidationException("url", "Must be the post's absolute http(s) URL on the platform.");
        }

        var delivery = await store.FindAsync(command.Id, cancellationToken);
        if (delivery.Status != DeliveryStatus.Uncertain)
        {
            throw new ConflictException($"The delivery is {delivery.Status}; only an uncertain delivery is confirmed as sent.");
        }

        var now = time.GetUtcNow();
        delivery.ConfirmSent(command.Input.Url, now);
        await store.CompleteAsync(delivery.PostId, delivery, now, cancellationToken);
        await store.SaveAsync(cancellationToken);
        return DeliveryView.From(delivery);
    }
}
