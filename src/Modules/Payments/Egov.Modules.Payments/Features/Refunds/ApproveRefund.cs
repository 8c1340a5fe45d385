using Egov.Modules.Payments.Domain;
using Egov.Modules.Payments.Features.Payments;
using Egov.Modules.Payments.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Payments.Features.Refunds;

/// <summary>A second caseworker approves a refund above the approval amount; it then runs. Approving an approved (not yet executed) refund runs it again.</summary>
internal sealed record ApproveRefundCommand(Guid RefundId, PaymentStaff Staff) : ICommand<RefundResponse>;

internal sealed class ApproveRefundHandler(PaymentsDbContext db, RefundExecution execution, TimeProvider time) : ICommandHandler<ApproveRefundCommand, RefundResponse>
{
    public async ValueTask<RefundResponse> Handle(ApproveRefundCommand command, CancellationToken cancellationToken)
    {
        var refund = await db.Refunds.FirstOrDefaultAsync(r => r.Id == command.RefundId, cancellationToken);
        var payment = refund is null ? null : await db.Payments.FirstAsync(p => p.Id == refund.PaymentId, cancellationToken);
        if (refund is null || payment is null || !command.Staff.Covers(payment.Department))
        {
            throw new NotFoundException($"There is no refund {command.RefundId} of your departments.");
        }

        if (refund.Status == RefundStatus.AwaitingApproval)
        {
            refund.Approve(command.Staff.Subject, command.Staff.Name, time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        if (refund.Status == RefundStatus.Approved)
        {
            await execution.ExecuteAsync(payment, refund, cancellationToken);
        }

        return RefundResponse.From(refund);
    }
}
