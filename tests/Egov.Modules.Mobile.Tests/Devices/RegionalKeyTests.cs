using Egov.Modules.Mobile.Domain.Devices;

namespace Egov.Modules.Mobile.Tests.Devices;

/// <summary>Which devices an alert's area reaches (ARS/AGS prefixes, as the federal warning app reads them).</summary>
public sealed class RegionalKeyTests
{
    [Theory]
    [InlineData("091620000000", "09162")]
    [InlineData("090000000000", "09")]
    [InlineData("091625010000", "091625010")]
    [InlineData("09162000", "09162")]
    [InlineData("0916200000", null)]
    [InlineData("09162x000000", null)]
    public void Prefix_OfAKey_IsItsLastLevelThatIsNotAllZeros(string key, string? expected) =>
        Assert.Equal(expected, RegionalKey.Prefix(key));

    [Theory]
    [InlineData("091620000000", "090000000000", true)]
    [InlineData("090000000000", "091620000000", true)]
    [InlineData("091620000000", "091630000000", false)]
    [InlineData("091620000000", "09162000", true)]
    public void Matches_WhenOneAreaContainsTheOther_IsTrue(string device, string alert, bool expected) =>
        Assert.Equal(expected, RegionalKey.Matches([device], [alert]));

    [Fact]
    public void Matches_WhenEitherSideNamesNoArea_IsTrue()
    {
        Assert.True(RegionalKey.Matches([], ["091630000000"]));
        Assert.True(RegionalKey.Matches(["091620000000"], []));
    }
}
