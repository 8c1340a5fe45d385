namespace Egov.Modules.Payments.Domain;

/// <summary>Where a payment stands; the names are those of <c>PaymentStates</c> in the Contracts.</summary>
internal enum PaymentState
{
    /// <summary>The hosted page is open; the citizen has not finished.</summary>
    Open,

    /// <summary>The provider confirmed the money.</summary>
    Paid,

    /// <summary>The payment method failed (e.g. a declined direct debit).</summary>
    Failed,

    /// <summary>The citizen cancelled on the hosted page.</summary>
    Cancelled,

    /// <summary>The hosted page timed out unpaid.</summary>
    Expired,

    /// <summary>Paid back in full.</summary>
    Refunded,
}
