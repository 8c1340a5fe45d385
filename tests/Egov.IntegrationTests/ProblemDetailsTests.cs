using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Egov.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests;

/// <summary>
/// The host's error pipeline, probed through endpoints this test adds to the real host (a JSON echo
/// with a 1 KB body limit, and one that throws), running on Kestrel in the Production environment.
/// </summary>
public sealed class ProblemDetailsTests(ProblemDetailsTests.Factory factory) : IClassFixture<ProblemDetailsTests.Factory>
{
    [Fact]
    public async Task UnknownRoute_Always_Returns404Problem()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/api/v1/no-such-thing", TestContext.Current.CancellationToken);

        using var problem = await ReadProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Post_WithMalformedJson_Returns400ProblemNamingThePosition()
    {
        using var client = factory.CreateClient();
        using var body = new StringContent("{\"title\": \"Sperrmüll\",\n \"count\": tru }", Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/_probe/echo", body, TestContext.Current.CancellationToken);

        using var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Invalid JSON", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal("$.count", problem.RootElement.GetProperty("path").GetString());
        Assert.Equal(2, problem.RootElement.GetProperty("line").GetInt64());
        Assert.True(problem.RootElement.GetProperty("bytePositionInLine").GetInt64() > 0);
    }

    /// <summary>
    /// Optional value-type parameters of the modules' (compile-time generated) endpoints: the
    /// generated binding answers 400 without an exception for these, the problem still names the field.
    /// </summary>
    [Theory]
    [InlineData("/api/v1/announcements?limit=ten", "limit", "Int32? limit", "ten")]
    [InlineData("/api/v1/announcements?since=yesterday", "since", "DateTimeOffset? since", "yesterday")]
    [InlineData("/api/v1/announcements?kind=news&limit=1.5", "limit", "Int32? limit", "1.5")]
    [InlineData("/api/v1/forms?limit=%E2%88%9E", "limit", "Int32? limit", "\u221E")]
    public async Task ModuleEndpoint_WithUnparsableOptionalQueryValue_Is400ProblemNamingTheField(string path, string field, string parameter, string value)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        using var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["Not a value of this parameter's type."], problem.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
        Assert.Equal($"Failed to bind parameter \"{parameter}\" from \"{System.Text.RegularExpressions.Regex.Unescape(value)}\".", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ModuleEndpoint_WithParsableQueryValues_AnswersNormally()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/api/v1/announcements?limit=2&since=2026-01-01T00:00:00Z", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_WithWrongContentType_Returns415Problem()
    {
        using var client = factory.CreateClient();
        using var body = new StringContent("title=Sperrmüll", Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await client.PostAsync("/_probe/echo", body, TestContext.Current.CancellationToken);

        using var problem = await ReadProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Unsupported Media Type", problem.RootElement.GetProperty("title").GetString());
    }

    /// <summary>A module endpoint's 415 (answered by routing, before binding) says what was refused and what to send.</summary>
    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    public async Task ModuleEndpoint_WithWrongContentType_Is415ProblemSayingWhatToSend(string contentType)
    {
        using var client = factory.CreateClient();
        using var body = new StringContent("{}", Encoding.UTF8, contentType);

        var response = await client.PostAsync("/api/v1/accessibility-feedback", body, TestContext.Current.CancellationToken);

        using var problem = await ReadProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        var detail = problem.RootElement.GetProperty("detail").GetString();
        Assert.Contains($"'{contentType}; charset=utf-8' is not accepted here", detail, StringComparison.Ordinal);
        Assert.Contains("application/json", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithOversizedBody_Returns413Problem()
    {
        using var client = factory.CreateClient();
        var json = JsonSerializer.Serialize(new { title = new string('x', 4096), count = 1 });
        using var body = new StringContent(json, Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/_probe/echo", body, TestContext.Current.CancellationToken);

        using var problem = await ReadProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("Content Too Large", problem.RootElement.GetProperty("title").GetString());
    }

    /// <summary>
    /// A module endpoint (compile-time generated binding) that reads a body Kestrel refuses: the
    /// binding sets the status and swallows the exception, the problem still says what was wrong.
    /// </summary>
    [Fact]
    public async Task ModuleEndpoint_WithOversizedBody_Is413ProblemSayingTheLimit()
    {
        using var client = factory.CreateClient();
        using var body = new StringContent(JsonSerializer.Serialize(new { description = new string('x', 70 * 1024) }), Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/v1/accessibility-feedback", body, TestContext.Current.CancellationToken);

        using var problem = await ReadProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("The request body is too large for this operation. At most 65536 bytes.", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(["At most 65536 bytes."], problem.RootElement.GetProperty("errors").GetProperty("body").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task ModuleEndpoint_WithMalformedChunkedBody_Is400ProblemNamingTheBody()
    {
        using var client = factory.CreateClient();
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(client.BaseAddress!.Host, client.BaseAddress.Port, TestContext.Current.CancellationToken);
        await using var stream = tcp.GetStream();

        // "ZZ" is no chunk size (RFC 9112 §7.1: hexadecimal digits).
        var request = "POST /api/v1/accessibility-feedback HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" +
            "Transfer-Encoding: chunked\r\nAccept: application/json\r\nConnection: close\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var answer = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);

        Assert.StartsWith("HTTP/1.1 400 ", answer, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", answer, StringComparison.Ordinal);
        Assert.Contains("\"detail\":\"The request body could not be read.", answer, StringComparison.Ordinal);
        Assert.Contains("\"errors\":{\"body\":[\"Not readable:", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/accessibility-feedback")]
    [InlineData("/_probe/echo")]
    public async Task Post_WithoutBody_Is400ProblemNamingTheBody(string path)
    {
        using var client = factory.CreateClient();
        using var body = new ByteArrayContent([]);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await client.PostAsync(path, body, TestContext.Current.CancellationToken);

        using var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The request body is missing: this operation takes a JSON object (its schema is in the OpenAPI document).",
            problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(["Required."], problem.RootElement.GetProperty("errors").GetProperty("body").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Post_WithValidJson_IsEchoed()
    {
        using var client = factory.CreateClient();
        using var body = new StringContent("{\"title\":\"Sperrmüll\",\"count\":2}", Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/_probe/echo", body, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sperrmüll", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnhandledException_InProduction_Returns500ProblemWithTraceIdAndNoInternals()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/_probe/throw", TestContext.Current.CancellationToken);

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var problem = await ReadProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$", problem.RootElement.GetProperty("traceId").GetString());
        Assert.DoesNotContain("database password is hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }

    /// <summary>What Chromium sends on a navigation.</summary>
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    /// <summary>A GET as a browser's navigation sends it, through a TLS-terminating proxy on loopback (Production pages need HTTPS: Secure antiforgery cookie).</summary>
    private static HttpRequestMessage BrowserRequest(string path, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(BrowserAccept);
        request.Headers.AcceptLanguage.ParseAdd(language);
        request.Headers.Add("X-Forwarded-Proto", "https");
        return request;
    }

    [Fact]
    public async Task UnknownPage_FromABrowser_ShowsThePortalNotFoundPage()
    {
        using var client = factory.CreateClient();
        using var request = BrowserRequest("/no-such-page", "de-DE");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<h1>Seite nicht gefunden</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<code>/no-such-page</code>", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnhandledException_OnABrowserRequest_ShowsTheErrorPageWithTraceIdAndNoDetails()
    {
        using var client = factory.CreateClient();
        using var request = BrowserRequest("/_probe/throw", "en");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<h1>Something went wrong</h1>", html, StringComparison.Ordinal);
        Assert.Matches("Error id: <code>[0-9a-f]{32}</code>", html);
        Assert.DoesNotContain("hunter2", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownApiRoute_EvenWhenHtmlIsAccepted_Returns404Problem()
    {
        using var client = factory.CreateClient();
        using var request = BrowserRequest("/api/v1/no-such-thing", "de-DE");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        using var problem = await ReadProblemAsync(response, HttpStatusCode.NotFound);
    }

    /// <summary>
    /// Issue 20, defect 1: an API caller that accepts no JSON still gets the problem as
    /// <c>application/problem+json</c> (RFC 9457 §3 allows it; RFC 9110 §12.1 lets a server disregard
    /// <c>Accept</c>), not a 500 — from the exception handler and from the status code pages alike.
    /// </summary>
    [Theory]
    [InlineData("text/plain", "/api/v1/announcements?limit=ten", HttpStatusCode.BadRequest)]
    [InlineData("application/xml", "/api/v1/announcements?limit=ten", HttpStatusCode.BadRequest)]
    [InlineData("text/html", "/api/v1/announcements?limit=ten", HttpStatusCode.BadRequest)]
    [InlineData("*/*;q=0", "/api/v1/announcements?limit=ten", HttpStatusCode.BadRequest)]
    [InlineData("application/json;q=0, image/png", "/api/v1/announcements?limit=ten", HttpStatusCode.BadRequest)]
    [InlineData("text/plain", "/api/v1/announcements/no-such-announcement", HttpStatusCode.NotFound)]
    [InlineData("application/xml", "/api/v1/cases", HttpStatusCode.Unauthorized)]
    [InlineData("text/plain", "/api/v1/no-such-thing", HttpStatusCode.NotFound)]
    [InlineData("*/*;q=0", "/api/v1/no-such-thing", HttpStatusCode.NotFound)]
    [InlineData("text/plain", "/_probe/throw", HttpStatusCode.InternalServerError)]
    public async Task Problem_WhenAcceptHasNoJson_IsStillWrittenAsProblemJson(string accept, string path, HttpStatusCode expected)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        using var problem = await ReadProblemAsync(response, expected);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    public async Task MalformedJson_WhenAcceptHasNoJson_Is400ProblemJson(string accept)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_probe/echo") { Content = new StringContent("{\"title\": ", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Accept", accept);

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        using var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Invalid JSON", problem.RootElement.GetProperty("title").GetString());
    }

    private static async Task<JsonDocument> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal((int)expected, problem.RootElement.GetProperty("status").GetInt32());
        Assert.True(problem.RootElement.TryGetProperty("traceId", out _), "every problem carries a traceId");
        return problem;
    }

    public sealed record ProbeBody(string Title, int Count);

    public sealed class Factory : EgovApplicationFactory
    {
        // Kestrel, not the in-memory test server: only a real server enforces request body limits.
        public Factory() => UseKestrel(0);

        protected override string EnvironmentName => "Production";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ProbeEndpoints>());
        }
    }

    private sealed class ProbeEndpoints : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.UseRouting();
            app.UseEndpoints(endpoints =>
            {
                endpoints.MapPost("/_probe/echo", Ok<ProbeBody> (ProbeBody body) => TypedResults.Ok(body))
                    .WithMetadata(new RequestSizeLimitMetadata(1024))
                    .AllowAnonymous();
                endpoints.MapGet("/_probe/throw", IResult () => throw new InvalidOperationException("database password is hunter2"))
                    .AllowAnonymous();
            });
        };
    }

    private sealed class RequestSizeLimitMetadata(long limit) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => limit;
    }
}
