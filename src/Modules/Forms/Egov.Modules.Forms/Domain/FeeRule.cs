using System.Globalization;
using System.Text.Json.Nodes;
using Egov.Modules.Forms.Engines.JsonForms;
using Egov.SharedKernel.Errors;

namespace Egov.Modules.Forms.Domain;

/// <summary>
/// A part of a fee computed from the application data (<c>fee.perField</c> of a form version):
/// <see cref="AmountEur"/> for every unit of the value at <see cref="Field"/>. Units: an array counts
/// its items, a whole number counts itself, <c>true</c> and any other value count one, an absent
/// value, <c>null</c> or <c>false</c> count none. E.g. <c>{ "field": "/vehicle", "amountEur": 30.70 }</c>:
/// 30,70 EUR per vehicle.
/// </summary>
/// <param name="Field">JSON pointer (RFC 6901) into the application data; must name a property of the version's schema.</param>
/// <param name="AmountEur">Euros per unit, at most two decimals.</param>
internal sealed record FeePerField(string Field, decimal AmountEur);

/// <summary>When the fee of a form version is paid online (<c>fee.payment</c>).</summary>
internal static class FeePayment
{
    /// <summary>The application is filed first and paid afterwards (default).</summary>
    public const string AfterSubmission = "afterSubmission";

    /// <summary>The application can only be submitted once its fee is paid.</summary>
    public const string BeforeSubmission = "beforeSubmission";
}

/// <summary>The fee a form version asks for the data of one application, in integer euro cents (EUR).</summary>
internal static class FeeRule
{
    /// <summary>Units one field may count at most; more is refused rather than billed (no form asks for thousands of anything).</summary>
    public const long MaxUnits = 1000;

    /// <summary>
    /// <c>fee.amountEur</c> plus, for each <c>fee.perField</c> entry, its amount times the units of
    /// its field in <paramref name="data"/>; cents are counted as integers, never as floating point.
    /// </summary>
    /// <exception cref="DomainRuleException">A field counts more than <see cref="MaxUnits"/> units.</exception>
    public static long Cents(FormContent content, JsonObject? data)
    {
        var cents = ToCents(content.FeeAmountEur);
        foreach (var line in content.FeePerField ?? [])
        {
            cents += ToCents(line.AmountEur) * Units(JsonFormsData.FindPointer(data, line.Field), line.Field);
        }

        return cents;
    }

    /// <summary>The fee as a catalog shows it before any data: the fixed part plus one unit of each field.</summary>
    public static decimal IndicativeEur(FormContent content) =>
        content.FeeAmountEur + (content.FeePerField ?? []).Sum(l => l.AmountEur);

    /// <summary>Whether the fee depends on the data.</summary>
    public static bool IsComputed(FormContent content) => content.FeePerField is { Count: > 0 };

    /// <summary>Euros with at most two decimals as cents.</summary>
    public static long ToCents(decimal euros) => decimal.ToInt64(decimal.Round(euros * 100m, 0, MidpointRounding.AwayFromZero));

    private static long Units(JsonNode? value, string field)
    {
        var units = value switch
        {
            null => 0,
            JsonArray items => items.Count,
            JsonValue v when v.TryGetValue<bool>(out var flag) => flag ? 1 : 0,
            JsonValue v when v.TryGetValue<long>(out var whole) => whole,
            // A fraction, or a number too large for a long, is no count of anything.
            JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number => -1,
            _ => 1,
        };
        return units is >= 0 and <= MaxUnits
            ? units
            : throw new DomainRuleException(string.Create(CultureInfo.InvariantCulture, $"The fee counts '{field}' per unit; it must be a whole number from 0 to {MaxUnits}."));
    }
}
