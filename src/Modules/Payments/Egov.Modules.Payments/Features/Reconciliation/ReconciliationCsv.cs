using System.Globalization;
using System.Text;

namespace Egov.Modules.Payments.Features.Reconciliation;

/// <summary>
/// The report as CSV for the treasury's import (RFC 4180: comma-separated, CRLF line ends, fields
/// quoted when they hold a comma, quote or line break; UTF-8). Amounts in euros with a point and two
/// decimals; times in Europe/Berlin (ISO 8601 with offset). Lines first, then one totals line per provider.
/// </summary>
internal static class ReconciliationCsv
{
    public const string MediaType = "text/csv; charset=utf-8";

    public static string Write(ReconciliationReport report)
    {
        var csv = new StringBuilder();
        Row(csv, "record", "time", "provider", "kind", "reference_number", "payment_id", "provider_reference", "amount_eur", "note");
        foreach (var line in report.Lines)
        {
            Row(csv, "line", line.AtLocal.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), line.Provider, line.Kind,
                line.ReferenceNumber, line.PaymentId.ToString(), line.ProviderReference ?? "", Euros(line.AmountCents), line.Note ?? "");
        }

        foreach (var total in report.Providers)
        {
            var day = report.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Row(csv, "total", day, total.Provider, "Paid", "", "", total.PaidCount.ToString(CultureInfo.InvariantCulture), Euros(total.PaidCents), "");
            Row(csv, "total", day, total.Provider, "Refunded", "", "", total.RefundedCount.ToString(CultureInfo.InvariantCulture), Euros(total.RefundedCents), "");
            Row(csv, "total", day, total.Provider, "Net", "", "", "", Euros(total.NetCents), total.FlaggedCount == 0 ? "" : $"{total.FlaggedCount} flagged");
        }

        return csv.ToString();
    }

    /// <summary>Cents as euros with two decimals and a point, e.g. 3070 → <c>30.70</c>.</summary>
    public static string Euros(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static void Row(StringBuilder csv, params string[] fields)
    {
        csv.AppendJoin(',', fields.Select(Field));
        csv.Append("\r\n");
    }

    private static string Field(string value)
    {
        // A leading =, +, - or @ would be a formula in a spreadsheet (CSV injection); a quote mark keeps it text.
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
            ? "'" + value
            : value;
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
