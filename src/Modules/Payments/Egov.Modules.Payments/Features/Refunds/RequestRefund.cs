using Egov.Modules.Payments.Domain;
using Egov.Modules.Payments.Features.Payments;
using Egov.Modules.Payments.Features.Providers;
using Egov.Modules.Payments.Persistence;
using Egov.SharedKernel.Errors;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Payments.Features.Refunds;

/// <summary>A caseworker pays a paid fee back in full, with a reason.</summary>
internal sealed record RequestRefundCommand(Guid PaymentId, string? Reason, PaymentStaff Staff) : ICommand<RefundResponse>;

internal sealed class RequestRefundValidator : AbstractValidator<RequestRefundCommand>
{
    public RequestRefundValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(1000).Must(r => r is null || !r.Any(c => char.IsControl(c) && c is not '\n' and not '\r'))
            .WithMessage("Must not contain control characters.").OverridePropertyName("reason").WithName("reason");
    }
}

/// <summary>
/// Up to <c>Egov:Payments:RefundApprovalAboveCents</c> the refund runs at once; above it the refund
/// waits for a second caseworker (<see cref="ApproveRefundCommand"/>). One refund per payment.
/// </summary>
internal sealed class RequestRefundHandler(PaymentsDbContext db, RefundExecution execution, IOptions<PaymentsOptions> options, TimeProvider time)
    : ICommandHandler<RequestRefundCommand, RefundResponse>
{
    public async ValueTask<RefundResponse> Handle(RequestRefundCommand command, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.FirstOrDefaultAsync(p => p.Id == command.PaymentId, cancellationToken);
        if (payment is null || !command.Staff.Covers(payment.Department))
        {
            throw new NotFoundException($"There is no payment {command.PaymentId} of your departments.");
        }

        payment.EnsureRefundable();
        if (await db.Refunds.AnyAsync(r => r.PaymentId == payment.Id, cancellationToken))
        {
            throw new ConflictException("A refund of this payment exists already.");
        }

        var needsApproval = payment.AmountCents > options.Value.RefundApprovalAboveCents;
        var refund = Refund.Request(payment, command.Reason!.Trim(), command.Staff.Subject, command.Staff.Name, needsApproval, time.GetUtcNow());
        db.Refunds.Add(refund);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException("A refund of this payment was requested at the same moment.");
        }

        if (!needsApproval)
        {
            await execution.ExecuteAsync(payment, refund, cancellationToken);
        }

        return RefundResponse.From(refund);
    }
}
