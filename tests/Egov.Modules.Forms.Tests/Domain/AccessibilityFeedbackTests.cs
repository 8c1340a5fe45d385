using Egov.Modules.Forms.Domain;
using Egov.SharedKernel.Errors;

namespace Egov.Modules.Forms.Tests.Domain;

/// <summary>The answer-by day of a reported barrier: one month after the day it arrived in Berlin (§§ 187, 188 BGB).</summary>
public sealed class AccessibilityFeedbackTests
{
    [Theory]
    [InlineData("2026-03-10T09:00:00Z", "2026-04-10")]
    [InlineData("2027-01-31T12:00:00Z", "2027-02-28")] // no 31 February: the month's last day (§ 188 Abs. 3 BGB)
    [InlineData("2028-01-31T12:00:00Z", "2028-02-29")] // a leap year
    [InlineData("2026-12-31T23:30:00Z", "2027-02-01")] // already 1 January in Berlin
    [InlineData("2026-06-30T22:30:00Z", "2026-08-01")] // summer time: already 1 July in Berlin
    public void AnswerBy_IsOneMonthAfterTheBerlinDayOfArrival(string receivedUtc, string expected)
    {
        var report = AccessibilityFeedback.Receive("/", "x", null, null, "de", DateTimeOffset.Parse(receivedUtc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), report.AnswerBy);
    }

    [Fact]
    public void Overdue_OnlyAfterTheAnswerByDayHasEndedInBerlin_AndNeverOnceAnswered()
    {
        var report = AccessibilityFeedback.Receive("/", "x", null, null, "de", new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));

        Assert.False(report.IsOverdue(new DateTimeOffset(2026, 4, 10, 21, 59, 0, TimeSpan.Zero))); // 23:59 on 10 April in Berlin
        Assert.True(report.IsOverdue(new DateTimeOffset(2026, 4, 10, 22, 0, 0, TimeSpan.Zero)));   // 00:00 on 11 April
        report.MarkAnswered("admin", "Ada Admin", null, new DateTimeOffset(2026, 4, 12, 8, 0, 0, TimeSpan.Zero));
        Assert.False(report.IsOverdue(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Throws<ConflictException>(() => report.MarkAnswered("admin", "Ada Admin", null, DateTimeOffset.UnixEpoch));
    }
}
