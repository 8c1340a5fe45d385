using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Egov.IntegrationTests.Identity;
using Egov.Testing;
using Microsoft.Extensions.Logging;

namespace Egov.IntegrationTests;

/// <summary>
/// PostgreSQL goes away while the host runs and comes back: meanwhile every database-backed request
/// answers 503 with Retry-After (API: problem details; browser: the portal's "temporarily
/// unavailable" page, rendered without the database), readiness says 503, the outage is logged
/// once and not per request; afterwards the same host answers 200 again, without a restart. The
/// class has a PostgreSQL server of its own, so other test classes are not disturbed.
/// </summary>
public sealed class DatabaseOutageTests(DatabaseOutageTests.Factory factory) : IClassFixture<DatabaseOutageTests.Factory>
{
    /// <summary>
    /// Loggers outside the request path, which report each failed poll or probe of their own
    /// (outbox dispatchers, push and delivery loops, the readiness check).
    /// </summary>
    private static readonly string[] BackgroundCategories =
    [
        "Egov.SharedKernel.Outbox.", "Egov.Modules.Mobile.Features.Push.", "Egov.Modules.Outreach.Features.Deliveries.",
        "Egov.Modules.Announcements.Features.", "Microsoft.Extensions.Diagnostics.HealthChecks.",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Requests_WhilePostgreSqlIsStopped_Answer503AndRecoverWithoutRestart()
    {
        using var citizen = await factory.CreateClientAsAsync("erika");
        using var browser = await factory.SignedInBrowserAsync("erika");
        using var anonymous = factory.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/announcements", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/me", Ct)).StatusCode);

        await factory.Database.StopAsync();
        factory.Logs.Clear();
        try
        {
            // API read, anonymous.
            await AssertUnavailableProblemAsync(await anonymous.GetAsync("/api/v1/announcements", Ct));

            // API write with a bearer token.
            await AssertUnavailableProblemAsync(await citizen.PostAsJsonAsync("/api/v1/applications", new { form = "bewohnerparkausweis" }, Ct));

            // A page for a person, in German and in English.
            await AssertUnavailablePageAsync(await anonymous.SendAsync(Page("/announcements", "de"), Ct), "Vorübergehend nicht verfügbar");
            await AssertUnavailablePageAsync(await anonymous.SendAsync(Page("/forms", "en"), Ct), "Temporarily unavailable");

            // A signed-in browser: its session cannot be read, which is an outage, not "signed out".
            await AssertUnavailableProblemAsync(await browser.GetAsync("/api/v1/me", Ct));
            await AssertUnavailablePageAsync(await browser.SendAsync(Page("/applications", "de"), Ct), "Vorübergehend nicht verfügbar");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.GetAsync("/health/ready", Ct)).StatusCode);

            // Logged once for the outage, not once per request.
            for (var i = 0; i < 5; i++)
            {
                await AssertUnavailableProblemAsync(await anonymous.GetAsync("/api/v1/announcements", Ct));
            }

            var errors = factory.Logs.GetSnapshot()
                .Where(r => r.Level >= LogLevel.Error && !BackgroundCategories.Any(c => r.Category?.StartsWith(c, StringComparison.Ordinal) == true))
                .ToList();
            Assert.True(errors.Count == 1, $"{errors.Count} error log entries:\n" + string.Join('\n', errors.Select(e => $"{e.Category}[{e.Id}] {e.Message}")));
            Assert.Equal("Egov.Host.ErrorHandling.DatabaseOutage", errors[0].Category);
        }
        finally
        {
            await factory.Database.StartAgainAsync();
        }

        // Recovery: the same host, no restart.
        var recovered = await RetryUntilAsync(() => anonymous.GetAsync("/api/v1/announcements", Ct), TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(Page("/announcements", "de"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await citizen.PostAsJsonAsync("/api/v1/applications", new { form = "bewohnerparkausweis" }, Ct)).StatusCode);
    }

    private static async Task AssertUnavailableProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {response.StatusCode} {body}");
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.True(response.Headers.RetryAfter.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("Npgsql", body, StringComparison.Ordinal);
    }

    private static async Task AssertUnavailablePageAsync(HttpResponseMessage response, string heading)
    {
        // Razor encodes non-ASCII letters (ü → &#xFC;).
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{response.RequestMessage?.RequestUri}: {response.StatusCode} {html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
    }

    private static async Task<HttpResponseMessage> RetryUntilAsync(Func<Task<HttpResponseMessage>> send, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (true)
        {
            var response = await send();
            if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > until)
            {
                return response;
            }

            await Task.Delay(200, Ct);
        }
    }

    private static HttpRequestMessage Page(string path, string language) => BrowserHostFactory.PageRequest(path, language);

    /// <summary>The host on a PostgreSQL server of its own, which the test stops and starts.</summary>
    public sealed class Factory : BrowserHostFactory
    {
        public PostgresServer Database { get; private set; } = null!;

        public override async ValueTask InitializeAsync()
        {
            Database = await PostgresServer.StartDedicatedAsync();
            ConnectionString = await Database.CreateDatabaseAsync(nameof(DatabaseOutageTests));
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}
