using Egov.Modules.Payments.Domain;
using Egov.Modules.Payments.Persistence;
using Egov.SharedKernel.Time;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Payments.Features.Reconciliation;

/// <summary>The treasury's daily reconciliation: what each provider collected and paid back on one Europe/Berlin calendar day (today when null).</summary>
internal sealed record GetReconciliationReportQuery(DateOnly? Day) : IQuery<ReconciliationReport>;

/// <summary>One day's report.</summary>
/// <param name="Day">The Europe/Berlin calendar day.</param>
/// <param name="Providers">Totals per provider (every provider with a line that day).</param>
/// <param name="Lines">Every booking of the day, oldest first: payments confirmed, refunds executed, and reports flagged for a person.</param>
internal sealed record ReconciliationReport(DateOnly Day, IReadOnlyList<ProviderTotals> Providers, IReadOnlyList<ReconciliationLine> Lines);

/// <summary>A provider's totals of the day, in euro cents.</summary>
/// <param name="Provider">E.g. <c>stripe</c>.</param>
/// <param name="PaidCount">Payments confirmed.</param>
/// <param name="PaidCents">Their sum.</param>
/// <param name="RefundedCount">Refunds executed.</param>
/// <param name="RefundedCents">Their sum.</param>
/// <param name="NetCents">Paid minus refunded: what the treasury should find booked for the day.</param>
/// <param name="FlaggedCount">Reports not booked (amount mismatch, second payment) that need a person.</param>
internal sealed record ProviderTotals(string Provider, int PaidCount, long PaidCents, int RefundedCount, long RefundedCents, long NetCents, int FlaggedCount);

/// <summary>One booking.</summary>
/// <param name="At">UTC.</param>
/// <param name="AtLocal">Europe/Berlin.</param>
/// <param name="Provider">E.g. <c>stripe</c>.</param>
/// <param name="Kind"><c>Paid</c>, <c>Refunded</c> or <c>Flagged</c>.</param>
/// <param name="ReferenceNumber">The application's reference number (the purpose of the payment).</param>
/// <param name="PaymentId">Our payment id.</param>
/// <param name="ProviderReference">The provider's reference (Stripe: <c>pi_…</c>; for refunds <c>re_…</c>).</param>
/// <param name="AmountCents">Euro cents; refunds are positive amounts of kind <c>Refunded</c>.</param>
/// <param name="Note">Refund reason, or what was flagged.</param>
internal sealed record ReconciliationLine(
    DateTimeOffset At, DateTimeOffset AtLocal, string Provider, string Kind, string ReferenceNumber, Guid PaymentId, string? ProviderReference, long AmountCents, string? Note);

internal sealed class GetReconciliationReportHandler(PaymentsDbContext db, TimeProvider time) : IQueryHandler<GetReconciliationReportQuery, ReconciliationReport>
{
    public async ValueTask<ReconciliationReport> Handle(GetReconciliationReportQuery query, CancellationToken cancellationToken)
    {
        var day = query.Day ?? CivilTime.Today(time);
        var start = CivilTime.StartOfDay(day);
        var end = CivilTime.StartOfDay(day.AddDays(1));

        // Paid includes payments refunded later: the money came in that day.
        var paid = await db.Payments.AsNoTracking()
            .Where(p => p.PaidAt >= start && p.PaidAt < end)
            .ToListAsync(cancellationToken);
        var refunds = await db.Refunds.AsNoTracking()
            .Where(r => r.ExecutedAt >= start && r.ExecutedAt < end)
            .Join(db.Payments, r => r.PaymentId, p => p.Id, (r, p) => new { Refund = r, Payment = p })
            .ToListAsync(cancellationToken);
        var flagged = await db.Payments.AsNoTracking()
            .Where(p => p.Flag != null && p.UpdatedAt >= start && p.UpdatedAt < end)
            .ToListAsync(cancellationToken);

        List<ReconciliationLine> lines =
        [
            .. paid.Select(p => Line(p.PaidAt!.Value, p, "Paid", p.ProviderReference, p.AmountCents, null)),
            .. refunds.Select(x => Line(x.Refund.ExecutedAt!.Value, x.Payment, "Refunded", x.Refund.ProviderRefundId, x.Refund.AmountCents, x.Refund.Reason)),
            .. flagged.Select(p => Line(p.UpdatedAt, p, "Flagged", p.ProviderReference, 0, $"{p.Flag}: {p.FlagDetail}")),
        ];
        lines.Sort((a, b) => a.At.CompareTo(b.At));
        var providers = lines.GroupBy(l => l.Provider, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var paidCents = g.Where(l => l.Kind == "Paid").Sum(l => l.AmountCents);
            var refundedCents = g.Where(l => l.Kind == "Refunded").Sum(l => l.AmountCents);
            return new ProviderTotals(
                g.Key, g.Count(l => l.Kind == "Paid"), paidCents, g.Count(l => l.Kind == "Refunded"), refundedCents, paidCents - refundedCents,
                g.Count(l => l.Kind == "Flagged"));
        }).ToList();
        return new ReconciliationReport(day, providers, lines);
    }

    private static ReconciliationLine Line(DateTimeOffset at, Payment payment, string kind, string? reference, long cents, string? note) =>
        new(at, CivilTime.ToBerlin(at), payment.Provider, kind, payment.ReferenceNumber, payment.Id, reference, cents, note);
}
