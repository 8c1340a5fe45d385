using Egov.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests.Identity;

/// <summary>Every endpoint of the host declares an authorization policy or is explicitly anonymous.</summary>
public sealed class EndpointAuthorizationTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    [Fact]
    public void AllEndpoints_DeclareAPolicyOrAllowAnonymous()
    {
        using var client = factory.CreateClient();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetMetadata<IAuthorizeData>() is null)
            .Select(e => $"{string.Join(',', e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText}")
            .ToList();

        Assert.True(endpoints.Count >= 10, $"expected the host's endpoints, found {endpoints.Count}");
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/v1/me");
        Assert.True(undeclared.Count == 0, "Endpoints without a policy or AllowAnonymous:\n" + string.Join('\n', undeclared));
    }
}
