using Egov.Modules.Forms.Domain;
using Egov.SharedKernel.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

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
/// Gives out reference numbers (Aktenzeichen) from a per-year counter (ADR 0012). On PostgreSQL the
/// counter is a sequence per year (<c>forms.reference_numbers_2026</c>), created at the year's first
/// submission and continuing <c>reference_sequences</c>: <c>nextval</c> never waits for another
/// transaction and its value is never given out twice, across all host instances. On SQLite (one
/// instance, one writer at a time) it is an upsert of the year's row in <c>reference_sequences</c>.
/// The number is taken in its own statement before the submission's transaction, so a submission
/// that then fails leaves a gap, which is allowed; duplicates never happen (and the unique indexes on
/// <c>applications.reference_number</c> and <c>receipts.reference_number</c> guard it besides).
/// </summary>
internal sealed class ReferenceNumbers(FormsDbContext db, IOptions<ReferenceNumberOptions> options, TimeProvider time)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Database, int Year), bool> EnsuredSequences = new();
    private static readonly SemaphoreSlim CreateGate = new(1, 1);

    /// <summary>The next reference number of the current year (Europe/Berlin). Call it outside a transaction.</summary>
    public async Task<string> NextAsync(CancellationToken cancellationToken)
    {
        // The year of the submission as the citizen sees it: 31 Dec 23:30 in Berlin is still that year.
        var year = CivilTime.ToBerlin(time.GetUtcNow()).Year;
        var value = db.Database.IsNpgsql() ? await NextFromSequenceAsync(year, cancellationToken) : await NextFromTableAsync(year, cancellationToken);
        return Format(options.Value, year, value);
    }

    /// <summary>The name of the year's sequence, schema-qualified (a constant of the code and an integer, never input).</summary>
    public static string SequenceName(int year) =>
        $"\"{FormsDbContext.SchemaName}\".reference_numbers_{year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)}";

    private async Task<long> NextFromSequenceAsync(int year, CancellationToken cancellationToken)
    {
        // Made once per database and year in this process before the first number, so the year's
        // first submissions do not each run into a missing sequence.
        var key = (db.Database.GetConnectionString() ?? "", year);
        if (!EnsuredSequences.ContainsKey(key))
        {
            await CreateGate.WaitAsync(cancellationToken);
            try
            {
                if (!EnsuredSequences.ContainsKey(key))
                {
                    await CreateSequenceAsync(year, cancellationToken);
                    EnsuredSequences.TryAdd(key, true);
                }
            }
            finally
            {
                CreateGate.Release();
            }
        }

        var sql = $"SELECT nextval('{SequenceName(year)}') AS \"Value\"";
        try
        {
            return await db.Database.SqlQueryRaw<long>(sql).SingleAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // Dropped or restored meanwhile: make it again, then take from it.
            await CreateSequenceAsync(year, cancellationToken);
            return await db.Database.SqlQueryRaw<long>(sql).SingleAsync(cancellationToken);
        }
    }

    private async Task CreateSequenceAsync(int year, CancellationToken cancellationToken)
    {
        // Continues where the table left off (numbers given out before the sequences existed).
        var last = await db.ReferenceSequences.AsNoTracking().Where(r => r.Year == year).Select(r => (long?)r.LastValue).SingleOrDefaultAsync(cancellationToken) ?? 0;
        var start = (last + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            // DDL takes no parameters; both values are integers formatted here.
            var ddl = $"CREATE SEQUENCE IF NOT EXISTS {SequenceName(year)} AS bigint START WITH {start}";
            await db.Database.ExecuteSqlRawAsync(ddl, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
        {
            // Another instance created it at the same moment ("IF NOT EXISTS" is not atomic).
        }
    }

    private async Task<long> NextFromTableAsync(int year, CancellationToken cancellationToken)
    {
        var sql = """
            INSERT INTO reference_sequences (year, last_value) VALUES ({0}, 1)
            ON CONFLICT (year) DO UPDATE SET last_value = reference_sequences.last_value + 1
            RETURNING year, last_value
            """;
        return (await db.ReferenceSequences.FromSqlRaw(sql, year).AsNoTracking().ToListAsync(cancellationToken)).Single().LastValue;
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
