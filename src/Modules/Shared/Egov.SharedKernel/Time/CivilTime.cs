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
}
