using System.Globalization;
using Egov.SharedKernel.Errors;

namespace Egov.SharedKernel.Time;

/// <summary>
/// Reads a wall-clock time in Europe/Berlin as people enter it (<c>2026-03-30T08:00</c>), with an
/// optional UTC offset (<c>2026-10-25T02:30+02:00</c>), into a UTC instant. Times that do not exist
/// (the spring-forward gap, 02:00–03:00 on the last Sunday of March) are refused; times that exist
/// twice (the autumn overlap, 02:00–03:00 on the last Sunday of October) need the offset, which must
/// be one Berlin actually had then (+02:00 for the first, CEST; +01:00 for the second, CET).
/// </summary>
public static class BerlinLocalTime
{
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];
    private static readonly string[] OffsetFormats = ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz"];

    /// <summary>The UTC instant of <paramref name="value"/>, or null when <paramref name="value"/> is null or blank.</summary>
    /// <param name="value">Local time <c>yyyy-MM-ddTHH:mm[:ss]</c>, optionally with an offset <c>±hh:mm</c> (or <c>Z</c>).</param>
    /// <param name="field">The request field, named in errors.</param>
    /// <exception cref="RequestValidationException">Unreadable, inside the gap, ambiguous without offset, or with an offset Berlin did not have.</exception>
    public static DateTimeOffset? Parse(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.EndsWith('Z') || text.EndsWith('z'))
        {
            text = text[..^1] + "+00:00";
        }

        if (DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            var local = withOffset.DateTime;
            if (withOffset.Offset != TimeSpan.Zero && CivilTime.Berlin.IsInvalidTime(local))
            {
                // Berlin had no offset at a wall-clock time that never happened, so there is none to suggest.
                throw new RequestValidationException(field,
                    $"'{value}': {local:yyyy-MM-dd HH:mm} does not exist in Europe/Berlin: the clocks jump from 02:00 to 03:00 that night. " +
                    "Choose a time before 02:00 with +01:00 or from 03:00 with +02:00, or give the time in UTC with 'Z'.");
            }

            var offsets = CivilTime.Berlin.IsAmbiguousTime(local)
                ? CivilTime.Berlin.GetAmbiguousTimeOffsets(local)
                : [CivilTime.Berlin.GetUtcOffset(local)];
            if (withOffset.Offset != TimeSpan.Zero && !offsets.Contains(withOffset.Offset))
            {
                throw new RequestValidationException(field,
                    $"'{value}': Europe/Berlin is not at {Format(withOffset.Offset)} at that time; use {string.Join(" or ", offsets.Select(Format))}, or give the time in UTC with 'Z'.");
            }

            return withOffset.ToUniversalTime();
        }

        if (!DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
        {
            throw new RequestValidationException(field, $"'{value}' is not a time like 2026-03-30T08:00 (Europe/Berlin), optionally with an offset like +02:00.");
        }

        if (CivilTime.Berlin.IsInvalidTime(wall))
        {
            throw new RequestValidationException(field,
                $"{wall:yyyy-MM-dd HH:mm} does not exist in Europe/Berlin: the clocks jump from 02:00 to 03:00 that night. Choose a time before 02:00 or from 03:00.");
        }

        if (CivilTime.Berlin.IsAmbiguousTime(wall))
        {
            throw new RequestValidationException(field,
                $"{wall:yyyy-MM-dd HH:mm} occurs twice in Europe/Berlin: the clocks go back from 03:00 to 02:00 that night. Add the offset: +02:00 for the first (summer time), +01:00 for the second (winter time).");
        }

        return new DateTimeOffset(wall, CivilTime.Berlin.GetUtcOffset(wall)).ToUniversalTime();
    }

    private static string Format(TimeSpan offset) => (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
