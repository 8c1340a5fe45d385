using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Engines.Cap;
using Egov.Modules.Announcements.Features.Alerts;
using Egov.Modules.Announcements.Features.Templates;
using Egov.SharedKernel.Errors;

namespace Egov.Modules.Announcements.Tests.Crisis;

/// <summary>
/// The rules of the crisis path that need no host: four eyes on a template revision, placeholder filling, and
/// which official warnings the reader publishes.
/// </summary>
public sealed class AlertTemplateRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
    private static readonly ContentActor Author = new("editor-1", "Eva", IsEditor: true, IsApprover: true, IsCrisisManager: false);
    private static readonly ContentActor OtherApprover = new("approver-2", "Paul", IsEditor: false, IsApprover: true, IsCrisisManager: false);

    [Fact]
    public void Approve_ByTheAuthorOfTheRevision_IsRefused_ByAnotherApprover_Allowed()
    {
        var template = AlertTemplate.Create("Sturm", Content(), Author, Now);

        var refused = Assert.Throws<ForbiddenException>(() => template.Approve(Author, Now));
        Assert.Contains("four-eyes", refused.Message, StringComparison.Ordinal);
        Assert.Throws<ConflictException>(template.EnsureApproved);

        template.Approve(OtherApprover, Now);
        template.EnsureApproved();
    }

    [Fact]
    public void Edit_ByTheFormerApprover_MakesThemTheAuthor_WhoThenCannotApprove()
    {
        var template = AlertTemplate.Create("Sturm", Content(), Author, Now);
        template.Approve(OtherApprover, Now);

        template.Edit("Sturm (neu)", Content(), OtherApprover with { IsEditor = true }, Now.AddDays(1));

        Assert.Equal(2, template.Revision);
        Assert.Throws<ConflictException>(template.EnsureApproved);
        Assert.Throws<ForbiddenException>(() => template.Approve(OtherApprover, Now.AddDays(1)));
        template.Approve(Author, Now.AddDays(1));
    }

    [Fact]
    public void Fill_ReplacesKnownPlaceholders_InOnePass()
    {
        var filled = TemplatePlaceholders.Fill("Ab {Zeit} in {Ort}.", new Dictionary<string, string> { ["Zeit"] = "9 Uhr", ["Ort"] = "{Zeit}-Straße" });

        Assert.Equal("Ab 9 Uhr in {Zeit}-Straße.", filled);
    }

    [Theory]
    [InlineData("mow.DE-NW-MK-001", "", "Severe", "Publish")]
    [InlineData("mow.DE-NW-MK-001", "", "Moderate", "Draft")]
    [InlineData("dwdmap.2.49.0.0.276.0.DWD.PVW.1", "opendata@dwd.de", "Severe", "Draft")]
    [InlineData("dwdmap.2.49.0.0.276.0.DWD.PVW.1", "opendata@dwd.de", "Extreme", "Publish")]
    [InlineData("lhp.HOCHWASSERZENTRALEN.DE.1", "", "Extreme", "Draft")]
    [InlineData("pol.DE-NW-1", "", "Unknown", "Draft")]
    public void Decide_FirstMatchingRuleBySourceAndSeverity_ElseDraft(string identifier, string sender, string severity, string expected)
    {
        var rules = new[]
        {
            new WarningRule { Source = "MoWaS", MinimumSeverity = CapSeverity.Severe, Action = WarningAction.Publish },
            new WarningRule { Source = "DWD", MinimumSeverity = CapSeverity.Extreme, Action = WarningAction.Publish },
            new WarningRule { Source = "Police", MinimumSeverity = CapSeverity.Minor, Action = WarningAction.Publish },
        };

        Assert.Equal(Enum.Parse<WarningAction>(expected), WarningSources.Decide(rules, WarningSources.Of(identifier, sender), Enum.Parse<CapSeverity>(severity)));
    }

    private static AlertTemplateContent Content() => new(
        [new AlertTemplateVariant("de", "Sturm in {Ort}", "Ab {Zeit}.", "Bleiben Sie drinnen.")],
        [new AlertTemplateChannel("App", "Push")],
        new AlertTemplateCap("Sturm", "Met", "Immediate", "Severe", "Likely", "Shelter", "{Ort}", [new AlertGeocode("ARS", "059620000000")], 6));
}
