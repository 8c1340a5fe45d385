using Egov.Modules.Forms.Domain;
using Egov.SharedKernel.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Forms.Persistence;

/// <summary>Settings of reference numbers, configuration section <c>Forms:ReferenceNumber</c>.</summary>
internal sealed class ReferenceNumberOptions
{
    public const string SectionName = "Forms:ReferenceNumber";

    /// <summary>Prefix of every reference number, e.g. the city's short name (default <c>EGOV</c>).</summary>
    public string Prefix { get; set; } = "EGOV";

    /// <summary>Pattern with <c>{prefix}</c>, <c>{yyyy}</c> and <c>{seq:000000}</c> (the zero count sets the width).</summary>
    public string Pattern { get; set; } = "{prefix}-{yyyy}-{seq:000000}";
}

/// <summary>
/// Gives out reference numbers (Aktenzeichen) from a per-year sequence. The next value is taken with
/// one atomic upsert inside the caller's transaction, so concurrent submissions never share a number;
/// a rolled-back submission leaves a gap, which is allowed.
/// </summary>
internal sealed class ReferenceNumbers(FormsDbContext db, IOptions<ReferenceNumberOptions> options, TimeProvider time)
{
    public async Task<string> NextAsync(CancellationToken cancellationToken)
    {
        // The year of the submission as the citizen sees it: 31 Dec 23:30 in Berlin is still that year.
        var year = CivilTime.ToBerlin(time.GetUtcNow()).Year;
        var table = db.Database.IsNpgsql() ? $"\"{FormsDbContext.SchemaName}\".reference_sequences" : "reference_sequences";
        var sql = $$"""
            INSERT INTO {{table}} (year, last_value) VALUES ({0}, 1)
            ON CONFLICT (year) DO UPDATE SET last_value = {{table}}.last_value + 1
            RETURNING year, last_value
            """;
        var sequence = (await db.ReferenceSequences.FromSqlRaw(sql, year).AsNoTracking().ToListAsync(cancellationToken)).Single();
        return Format(options.Value, year, sequence.LastValue);
    }

    public static string Format(ReferenceNumberOptions options, int year, long value)
    {
        var pattern = options.Pattern;
        var start = pattern.IndexOf("{seq:", StringComparison.Ordinal);
        var result = pattern.Replace("{prefix}", options.Prefix, StringComparison.Ordinal)
            .Replace("{yyyy}", year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        if (start < 0)
        {
            return result.Replace("{seq}", value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        var end = pattern.IndexOf('}', start);
        var format = pattern[(start + 5)..end];
        return result.Replace(pattern[start..(end + 1)], value.ToString(format, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
