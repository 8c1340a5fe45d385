using System.Text;
using Egov.Modules.Announcements.Features.Reading;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using ICalendar = Ical.Net.Calendar;

namespace Egov.Modules.Announcements.Features.Feeds;

/// <summary>
/// Writes an Event announcement as an iCalendar object (RFC 5545) with one VEVENT, with Ical.Net:
/// <list type="bullet">
/// <item><c>UID</c> <c>{id}@{host of Egov:PublicBaseAddress}</c> (§3.8.4.7), stable across corrections;</item>
/// <item><c>DTSTART</c>/<c>DTEND</c> in UTC (§3.3.5 form 2, <c>…Z</c>). Egov stores events as UTC
/// instants, so UTC says exactly what is stored, needs no VTIMEZONE and cannot be misread around a
/// daylight-saving change (01:30 CEST to 04:00 CET on 25 October 2026 is 23:30Z to 03:00Z, 3½ hours);
/// calendar programs show it in their user's zone, which for Musterstadt is Europe/Berlin;</item>
/// <item><c>DTSTAMP</c> and <c>LAST-MODIFIED</c>: when the announcement was last corrected, else
/// published (there is no <c>METHOD</c>, so DTSTAMP is the last revision, §3.8.7.2), and
/// <c>SEQUENCE</c> the number of corrections (§3.8.7.4): the bytes change only when the event does,
/// so the ETag is stable;</item>
/// <item><c>SUMMARY</c> the title, <c>DESCRIPTION</c> the plain-text summary, <c>LOCATION</c> the
/// place, <c>URL</c> the web page, <c>CATEGORIES</c> the codes (text escaped by the serializer, §3.3.11).</item>
/// </list>
/// </summary>
internal static class EventCalendarWriter
{
    /// <summary>The media type of iCalendar (RFC 5545 §8.1).</summary>
    public const string MediaType = "text/calendar";

    /// <summary>The calendar's bytes (UTF-8, CRLF line ends, lines folded at 75 octets by Ical.Net).</summary>
    /// <param name="announcement">A public announcement of kind Event (with <see cref="AnnouncementDetail.Event"/>).</param>
    /// <param name="page">Its web page.</param>
    /// <param name="uidDomain">Host name for the UID.</param>
    /// <param name="publisher">Publisher, in the product identifier.</param>
    public static byte[] Write(AnnouncementDetail announcement, Uri page, string uidDomain, string publisher)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        var details = announcement.Event ?? throw new ArgumentException("Not an event.", nameof(announcement));
        var revised = announcement.UpdatedAt ?? announcement.PublishedAt;
        var vevent = new CalendarEvent
        {
            Uid = $"{announcement.Id:D}@{uidDomain}",
            DtStamp = Utc(revised),
            LastModified = Utc(revised),
            Sequence = announcement.Revision - 1,
            DtStart = Utc(details.Start),
            DtEnd = Utc(details.End),
            Summary = announcement.Title,
            Description = announcement.Summary,
            Location = details.Place,
            Url = page,
            Categories = [.. announcement.Categories],
        };

        var calendar = new ICalendar { ProductId = $"-//{publisher}//Egov Announcements//DE" };
        calendar.Events.Add(vevent);
        return Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? "");
    }

    private static CalDateTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime, CalDateTime.UtcTzId, hasTime: true);
}
