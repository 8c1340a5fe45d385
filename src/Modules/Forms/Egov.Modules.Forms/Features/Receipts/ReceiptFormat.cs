using System.Globalization;
using Egov.SharedKernel.Time;

namespace Egov.Modules.Forms.Features.Receipts;

/// <summary>
/// How a receipt writes dates, instants, numbers, amounts and sizes, per language: German (<c>de</c>)
/// as in German official letters (DIN 5008: <c>12.08.1964</c>, <c>30,70 EUR</c>), English (<c>en</c>)
/// in British usage (<c>12 August 1964</c>, <c>EUR 30.70</c>).
/// </summary>
internal static class ReceiptFormat
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The culture of a receipt language: de-DE or en-GB.</summary>
    public static CultureInfo Culture(string language) => language == "en" ? English : German;

    /// <summary>A calendar date (<c>format: date</c>): <c>dd.MM.yyyy</c> in German, <c>d MMMM yyyy</c> in English.</summary>
    public static string Date(DateOnly date, string language) =>
        date.ToString(language == "en" ? "d MMMM yyyy" : "dd.MM.yyyy", Culture(language));

    /// <summary>
    /// An instant in Europe/Berlin civil time with its UTC offset and zone abbreviation, to the second:
    /// <c>29.11.2026, 18:05:00 Uhr (MEZ, UTC+01:00)</c> / <c>29 November 2026, 18:05:00 (CET, UTC+01:00)</c>.
    /// </summary>
    public static string Instant(DateTimeOffset instant, string language)
    {
        var local = CivilTime.ToBerlin(instant);
        var summer = CivilTime.Berlin.IsDaylightSavingTime(local);
        var zone = language == "en" ? (summer ? "CEST" : "CET") : (summer ? "MESZ" : "MEZ");
        var offset = (local.Offset < TimeSpan.Zero ? "-" : "+") + local.Offset.ToString("hh\\:mm", CultureInfo.InvariantCulture);
        return language == "en"
            ? local.ToString("d MMMM yyyy, HH:mm:ss", English) + $" ({zone}, UTC{offset})"
            : local.ToString("dd.MM.yyyy, HH:mm:ss", German) + $" Uhr ({zone}, UTC{offset})";
    }

    /// <summary>A number as entered, with the language's decimal separator and no grouping (<c>3,5</c> / <c>3.5</c>).</summary>
    public static string Number(string rawJsonNumber, string language) =>
        decimal.TryParse(rawJsonNumber, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value.ToString(Culture(language))
            : rawJsonNumber;

    /// <summary>An amount in euros with two decimals: <c>1.234,50 EUR</c> / <c>EUR 1,234.50</c>.</summary>
    public static string Euros(decimal amount, string language) =>
        language == "en"
            ? "EUR " + amount.ToString("N2", English)
            : amount.ToString("N2", German) + " EUR";

    /// <summary>
    /// A file size, human readable in SI units (1 kB = 1000 bytes, 1 MB = 1000 kB) with one decimal, plus
    /// the exact bytes: <c>1,2 MB (1.234.567 Bytes)</c>, <c>15 Bytes</c> / <c>1.2 MB (1,234,567 bytes)</c>.
    /// </summary>
    public static string Size(long bytes, string language)
    {
        var culture = Culture(language);
        var exact = bytes.ToString("N0", culture) + (language == "en" ? (bytes == 1 ? " byte" : " bytes") : (bytes == 1 ? " Byte" : " Bytes"));
        if (bytes < 1000)
        {
            return exact;
        }

        var (value, unit) = bytes switch
        {
            // Thresholds below the powers of 1000, so that 999,999 bytes read 1,0 MB, not 1000,0 kB.
            < 999_950 => (bytes / 1e3, "kB"),
            < 999_950_000 => (bytes / 1e6, "MB"),
            _ => (bytes / 1e9, "GB"),
        };
        return $"{value.ToString("0.0", culture)} {unit} ({exact})";
    }

    /// <summary>
    /// A paid fee as documents print it: <c>30,70 EUR bezahlt am 07.12.2026, 14:03:00 Uhr (MEZ, UTC+01:00) über Stripe, Referenz pi_…</c> /
    /// <c>EUR 30.70 paid on 7 December 2026, 14:03:00 (CET, UTC+01:00) via Stripe, reference pi_…</c> (time in Europe/Berlin).
    /// </summary>
    public static string Payment(Domain.PaidFee paid, string language)
    {
        var amount = Euros(paid.AmountCents / 100m, language);
        var at = Instant(paid.PaidAt, language);
        var provider = ProviderName(paid.Provider);
        var reference = paid.Reference is null ? "" : (language == "en" ? ", reference " : ", Referenz ") + paid.Reference;
        return language == "en"
            ? $"{amount} paid on {at} via {provider}{reference}"
            : $"{amount} bezahlt am {at} über {provider}{reference}";
    }

    /// <summary>A payment provider's name as printed: the brand for known providers (<c>stripe</c> → Stripe), else the name as stored.</summary>
    public static string ProviderName(string provider) => provider switch
    {
        "stripe" => "Stripe",
        _ => provider,
    };
}
