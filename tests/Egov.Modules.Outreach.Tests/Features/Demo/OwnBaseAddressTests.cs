using Egov.Modules.Outreach.Features.Demo;

namespace Egov.Modules.Outreach.Tests.Features.Demo;

/// <summary>Which of the addresses the server listens on the demo channel posts to when its sink is this host's own (the cases list the addresses separated by spaces).</summary>
public sealed class OwnBaseAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://localhost:41234", "http://localhost:41234/")]
    [InlineData("http://[::]:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://+:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://*:8080", "http://127.0.0.1:8080/")]
    [InlineData("https://127.0.0.1:5443 http://127.0.0.1:5080", "http://127.0.0.1:5080/")]
    [InlineData("https://localhost:5443", "https://localhost:5443/")]
    [InlineData("http://[::1]:5080", "http://[::1]:5080/")]
    public void OwnBaseAddress_PrefersPlainHttp_AndReachesWildcardsOnLoopback(string addresses, string expected)
    {
        Assert.Equal(new Uri(expected), SeedDemoChannel.OwnBaseAddress(addresses.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("unix:/run/egov.sock")]
    [InlineData("ftp://127.0.0.1:21")]
    public void OwnBaseAddress_WithoutAnHttpAddress_IsNull(string addresses)
    {
        Assert.Null(SeedDemoChannel.OwnBaseAddress(addresses.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }
}
