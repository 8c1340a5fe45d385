using System.Text.RegularExpressions;

namespace Egov.IntegrationTests.Portal;

/// <summary>
/// The staff start page's tasks and the layout's staff navigation per role, from the one table the host keeps
/// (<c>StaffAreas</c>): each role sees the areas it works in, nobody sees another role's.
/// </summary>
public sealed partial class StaffAreaLinksTests(StaffPagesBadInputTests.Factory factory) : IClassFixture<StaffPagesBadInputTests.Factory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("caseworker", "/staff/cases /staff/outreach/guidelines /staff/kasse", "/staff/cases")]
    [InlineData("editor", "/staff/announcements /staff/outreach /staff/outreach/inbox /staff/outreach/review /staff/outreach/guidelines", "/staff/announcements /staff/outreach")]
    [InlineData("approver", "/staff/announcements /staff/outreach /staff/outreach/inbox /staff/outreach/approvals /staff/outreach/review /staff/outreach/guidelines", "/staff/announcements /staff/outreach")]
    [InlineData("crisis", "/staff/announcements /staff/alerts /staff/outreach /staff/outreach/inbox /staff/outreach/guidelines", "/staff/announcements /staff/outreach")]
    [InlineData("admin", "/staff/cases /staff/barrierefreiheit /staff/outreach/channels /staff/outreach/review /staff/outreach/guidelines /staff/kasse /staff/record-of-processing", "/staff/cases")]
    public async Task StaffPage_ShowsTheTasksAndNavigationOfTheRole(string user, string tasks, string navigation)
    {
        var browser = await factory.BrowserAsync(user);

        var html = await browser.GetStringAsync("/staff", Ct);

        var taskList = html[html.IndexOf("<ul class=\"staff-tasks\">", StringComparison.Ordinal)..];
        taskList = taskList[..taskList.IndexOf("</ul>", StringComparison.Ordinal)];
        var nav = html[html.IndexOf("<nav", StringComparison.Ordinal)..html.IndexOf("</nav>", StringComparison.Ordinal)];
        Assert.Equal(tasks, string.Join(' ', Links().Matches(taskList).Select(m => m.Groups[1].Value)));
        Assert.Equal(navigation, string.Join(' ', Links().Matches(nav).Select(m => m.Groups[1].Value).Where(link => link.StartsWith("/staff/", StringComparison.Ordinal))));
    }

    [GeneratedRegex("<a href=\"([^\"]+)\"")]
    private static partial Regex Links();
}
