using Egov.SharedKernel.Errors;

namespace Egov.Modules.Payments.Domain;

/// <summary>
/// A caseworker's refund of a paid payment (always the whole amount). Above the configured amount
/// (<c>Egov:Payments:RefundApprovalAboveCents</c>) it waits for a second caseworker's approval
/// (four eyes) before the provider is asked; at or below it runs at once.
/// </summary>
internal sealed class Refund
{
    private Refund()
    {
    }

    public Guid Id { get; private set; }

    public Guid PaymentId { get; private set; }

    public long AmountCents { get; private set; }

    /// <summary>Why the money goes back (e.g. application withdrawn, paid twice); shown in the treasury report.</summary>
    public string Reason { get; private set; } = "";

    public RefundStatus Status { get; private set; }

    public string RequestedBySubject { get; private set; } = "";

    public string RequestedByName { get; private set; } = "";

    public DateTimeOffset RequestedAt { get; private set; }

    public string? ApprovedBySubject { get; private set; }

    public string? ApprovedByName { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>The provider's refund id (Stripe: <c>re_…</c>).</summary>
    public string? ProviderRefundId { get; private set; }

    public DateTimeOffset? ExecutedAt { get; private set; }

    public static Refund Request(Payment payment, string reason, string subject, string name, bool needsApproval, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PaymentId = payment.Id,
        AmountCents = payment.AmountCents,
        Reason = reason,
        Status = needsApproval ? RefundStatus.AwaitingApproval : RefundStatus.Approved,
        RequestedBySubject = subject,
        RequestedByName = name,
        RequestedAt = now,
    };

    /// <summary>A second caseworker approves.</summary>
    /// <exception cref="ConflictException">Not waiting for approval.</exception>
    /// <exception cref="ForbiddenException">The approver requested the refund (four eyes: two different people).</exception>
    public void Approve(string subject, string name, DateTimeOffset now)
    {
        if (Status != RefundStatus.AwaitingApproval)
        {
            throw new ConflictException($"The refund is {Status}; it is not waiting for approval.");
        }

        if (string.Equals(subject, RequestedBySubject, StringComparison.Ordinal))
        {
            throw new ForbiddenException("A refund above the approval amount needs a second person: you requested it, so someone else must approve it.");
        }

        ApprovedBySubject = subject;
        ApprovedByName = name;
        ApprovedAt = now;
        Status = RefundStatus.Approved;
    }

    /// <summary>The provider accepted the refund.</summary>
    public void Executed(string providerRefundId, DateTimeOffset now)
    {
        ProviderRefundId = providerRefundId;
        ExecutedAt = now;
        Status = RefundStatus.Executed;
    }
}

/// <summary>Where a refund stands.</summary>
internal enum RefundStatus
{
    /// <summary>Above the approval amount; waits for a second caseworker.</summary>
    AwaitingApproval,

    /// <summary>May run; the provider has not confirmed yet (a failed call is retried by approving again).</summary>
    Approved,

    /// <summary>The provider accepted it; the money goes back.</summary>
    Executed,
}
