namespace Egov.SharedKernel.Time;

/// <summary>
/// The city's civil time. Egov stores UTC instants and shows and schedules them in Europe/Berlin
/// (CET, UTC+1; CEST, UTC+2 from the last Sunday of March to the last Sunday of October).
/// </summary>
public static class CivilTime
{
    /// <summary>The IANA zone Europe/Berlin (tzdata of the host).</summary>
    public static TimeZoneInfo Berlin { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>The instant as Europe/Berlin local time, with its offset (+01:00 or +02:00).</summary>
    public static DateTimeOffset ToBerlin(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Berlin);

    /// <summary>Today's calendar date in Europe/Berlin.</summary>
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(ToBerlin(time.GetUtcNow()).DateTime);
    }

    /// <summary>
    /// The UTC instant at which <paramref name="date"/> begins in Europe/Berlin (local midnight,
    /// which always exists there: the clocks change at 02:00 and 03:00).
    /// </summary>
    public static DateTimeOffset StartOfDay(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Berlin.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
