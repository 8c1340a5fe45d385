using Egov.Modules.Mobile.Domain.Devices;

namespace Egov.Modules.Mobile.Tests.Devices;

/// <summary>The topic syntax of the device API: <c>alerts:{severity}</c>, <c>category:{code}</c>, <c>region:{ARS}</c>.</summary>
public sealed class DeviceTopicTests
{
    [Theory]
    [InlineData("alerts:minor")]
    [InlineData("alerts:extreme")]
    [InlineData("category:waste")]
    [InlineData("region:091620000000")]
    public void TryParse_OfAValidTopic_RoundTrips(string text)
    {
        Assert.True(DeviceTopic.TryParse(text, out var topic));
        Assert.Equal(text, topic.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("alerts:unknown")]
    [InlineData("region:0916")]
    [InlineData("weather:rain")]
    public void TryParse_OfAnythingElse_Refuses(string? text) =>
        Assert.False(DeviceTopic.TryParse(text, out _));
}
