using System.Net;
using System.Text.Json;
using Egov.Testing;

namespace Egov.IntegrationTests;

public sealed class HostOperationsTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    [Fact]
    public async Task HealthReady_WhenPostgreSqlAnswers_Returns200()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task StartupCheck_IsUnhealthyUntilEveryHostedServiceHasStarted()
    {
        // Hosted services start side by side with the web server: readiness must wait for ApplicationStarted.
        using var started = new CancellationTokenSource();
        var check = new Egov.Host.Health.StartupHealthCheck(new StartedAt(started.Token));
        var context = new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext
        {
            Registration = new("startup", check, Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, ["ready"]),
        };

        var before = await check.CheckHealthAsync(context, TestContext.Current.CancellationToken);
        await started.CancelAsync();
        var after = await check.CheckHealthAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, before.Status);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, after.Status);
    }

    private sealed class StartedAt(CancellationToken started) : Microsoft.Extensions.Hosting.IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => started;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }

    [Fact]
    public async Task HealthLive_Always_Returns200()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_Always_DescribesTheAnnouncementsList()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var operation = document.RootElement.GetProperty("paths").GetProperty("/api/v1/announcements").GetProperty("get");
        Assert.Equal("ListAnnouncements", operation.GetProperty("operationId").GetString());
        var parameters = operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["kind", "category", "lang", "since", "q", "cursor", "limit"], parameters);
    }

    [Fact]
    public async Task OpenApiDocument_Always_MarksProtectedOperationsWithBearerSecurity()
    {
        using var client = factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));

        var schemes = document.RootElement.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("Bearer").GetProperty("scheme").GetString());
        var me = document.RootElement.GetProperty("paths").GetProperty("/api/v1/me").GetProperty("get");
        Assert.Contains(me.GetProperty("security").EnumerateArray(), r => r.TryGetProperty("Bearer", out _));
        Assert.True(me.GetProperty("responses").TryGetProperty("401", out _));
        var announcements = document.RootElement.GetProperty("paths").GetProperty("/api/v1/announcements").GetProperty("get");
        Assert.False(announcements.TryGetProperty("security", out _), "an anonymous operation needs no token");
    }

    [Fact]
    public async Task AnyRequest_WithCorrelationIdHeader_EchoesItInTheResponse()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Correlation-Id", "caller-42");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("caller-42", Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
    }

    [Fact]
    public async Task AnyRequest_WithImplausibleCorrelationId_GetsAFreshOne()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", "<script>alert(1)</script>");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        var echoed = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        Assert.Matches("^[0-9a-f]{32}$", echoed);
    }
}
