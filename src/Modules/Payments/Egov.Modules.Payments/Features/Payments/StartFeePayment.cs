using Egov.Modules.Payments.Contracts;
using Mediator;

namespace Egov.Modules.Payments.Features.Payments;

/// <summary>The portal's way into <see cref="StartPaymentCommand"/>: the same use case, answered with the page only.</summary>
internal sealed class StartFeePaymentHandler(ISender sender) : ICommandHandler<StartFeePaymentCommand, FeePaymentPage>
{
    public async ValueTask<FeePaymentPage> Handle(StartFeePaymentCommand command, CancellationToken cancellationToken)
    {
        var payment = await sender.Send(new StartPaymentCommand(command.ApplicationId, command.ApplicantSubject), cancellationToken);
        return new FeePaymentPage(payment.Id, payment.CheckoutUrl!, payment.AmountCents);
    }
}
