using System.Reflection;
using Egov.Modules.Forms.Contracts;

namespace Egov.Modules.Forms.Tests.Contracts;

/// <summary>The one list of status changes the applicant hears about (mail and push use it alike).</summary>
public sealed class ApplicationStatusNotificationsTests
{
    [Theory]
    [InlineData(ApplicationStatuses.Submitted, true)]
    [InlineData(ApplicationStatuses.InReview, false)]
    [InlineData(ApplicationStatuses.InformationRequested, true)]
    [InlineData(ApplicationStatuses.Approved, true)]
    [InlineData(ApplicationStatuses.Rejected, true)]
    [InlineData(ApplicationStatuses.Withdrawn, true)]
    [InlineData(ApplicationStatuses.Closed, false)]
    [InlineData("Draft", false)]
    [InlineData("submitted", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void NotifiesApplicant_ForStatus_MatchesTheCitizenVisibleSteps(string? status, bool expected)
    {
        Assert.Equal(expected, ApplicationStatusNotifications.NotifiesApplicant(status));
    }

    [Fact]
    public void NotifiesApplicant_TableAbove_CoversEveryStatusOfTheContract()
    {
        // A new status in the contract must be decided on (told or not) and added to the table above.
        var decided = typeof(ApplicationStatusNotificationsTests).GetMethod(nameof(NotifiesApplicant_ForStatus_MatchesTheCitizenVisibleSteps))!
            .GetCustomAttributes<InlineDataAttribute>().Select(a => (string?)a.Data[0]).ToHashSet();
        var statuses = typeof(ApplicationStatuses).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.Equal(7, statuses.Count);
        Assert.All(statuses, s => Assert.Contains(s, decided));
    }

    [Fact]
    public void Statuses_AreExactlyTheStatusesThatNotify()
    {
        Assert.Equal(
            [ApplicationStatuses.Approved, ApplicationStatuses.InformationRequested, ApplicationStatuses.Rejected, ApplicationStatuses.Submitted, ApplicationStatuses.Withdrawn],
            ApplicationStatusNotifications.Statuses.Order(StringComparer.Ordinal));
    }
}
