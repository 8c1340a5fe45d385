using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Egov.IntegrationTests.Identity;
using Egov.IntegrationTests.Portal;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests.Robustness;

/// <summary>
/// Schema-driven fuzzing of the whole host (issue 20, goal "zero 5xx"): every operation of
/// <c>/openapi/v1.json</c> and every portal page, with requests generated from the OpenAPI
/// parameters and request-body schemas and mixed with hostile values (<see cref="HostileValues"/>:
/// NUL and other controls, lone surrogates, bidi overrides, 100,000-character strings, wrong JSON
/// types, null members, deep nesting, huge numbers, invalid UTF-8, wrong content types, odd
/// <c>Accept</c>, garbled <c>If-Match</c> and <c>Idempotency-Key</c>), sent as anonymous, citizens
/// and every staff role (tokens and browser sessions from the development provider). Ids, keys and
/// ETags from successful answers are reused, so requests reach real resources, not only the 404 branch.
/// The rule: no answer is 5xx, and afterwards the database is consistent (<see cref="DatabaseConsistency"/>).
/// All 5xx are collected and reported in one assertion message (request, body excerpt, status, problem).
/// <para>
/// Bounded in count and time, with a fixed seed (so a failure can be repeated exactly). Defaults for CI:
/// 2,000 API requests and 500 page requests. On demand: <c>EGOV_FUZZ_REQUESTS</c> (API requests;
/// pages get a quarter of it), <c>EGOV_FUZZ_SEED</c> (default 20), <c>EGOV_FUZZ_SECONDS</c> (time
/// budget of each test, default 300), e.g.
/// <c>EGOV_FUZZ_REQUESTS=20000 dotnet run --project tests/Egov.IntegrationTests -- -class 'Egov.IntegrationTests.Robustness.OpenApiFuzzTests'</c>.
/// </para>
/// </summary>
public sealed class OpenApiFuzzTests(StaffPagesBadInputTests.Factory factory) : IClassFixture<StaffPagesBadInputTests.Factory>
{
    private static readonly string?[] PageUsers = [null, "erika", "caseworker", "editor", "approver", "crisis", "admin"];

    /// <summary>Query names the portal pages read, plus ones they do not.</summary>
    private static readonly string[] PageQueryNames =
        ["q", "status", "cursor", "page", "back", "form", "assignee", "sort", "overdue", "saved", "done", "issued", "accepted", "lang", "returnUrl", "id", "version", "kind", "category", "attachmentId", "zzz"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    private static int Requests => Setting("EGOV_FUZZ_REQUESTS", 2_000);

    private static int Seed => Setting("EGOV_FUZZ_SEED", 20);

    private static TimeSpan Budget => TimeSpan.FromSeconds(Setting("EGOV_FUZZ_SECONDS", 300));

    [Fact]
    public async Task EveryApiOperation_WithGeneratedAndHostileInput_AnswersBelow500_AndLeavesTheDatabaseConsistent()
    {
        var pool = await SeededPoolAsync();
        var (document, operations) = await OperationsAsync();
        Assert.True(operations.Count > 50, $"the OpenAPI document lists only {operations.Count} operations");
        var random = new Random(Seed);
        var generator = new OpenApiRequestGenerator(document, random, pool);
        var failures = new List<string>();
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var sent = 0;

        // Every operation at least once in order, then at random.
        for (; sent < Requests && clock.Elapsed < Budget; sent++)
        {
            var operation = sent < operations.Count ? operations[sent] : operations[random.Next(operations.Count)];
            var request = generator.Next(operation);
            var client = await ClientAsync(clients, request.User);
            await SendAsync(client, request, pool, failures);
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        TestContext.Current.SendDiagnosticMessage($"API fuzz: {sent} requests over {operations.Count} operations in {clock.Elapsed.TotalSeconds:F0} s (seed {Seed})");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests answered 5xx (seed {Seed}):\n\n{string.Join("\n\n", failures.Take(60))}");
        Assert.True(sent >= Math.Min(Requests, 2_000), $"only {sent} requests within {Budget}");
        Assert.Empty(await DatabaseConsistency.ProblemsAsync(factory.Services));
    }

    [Fact]
    public async Task EveryPortalPage_WithGarbageQueriesAndForms_AnswersBelow500_AndLeavesTheDatabaseConsistent()
    {
        var pool = await SeededPoolAsync();
        var pages = PagePatterns();
        var handlers = HandlerNames();
        Assert.True(pages.Count > 10, $"only {pages.Count} portal pages found");
        var random = new Random(Seed + 1);
        var failures = new List<string>();
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() }) { BaseAddress = factory.PublicBaseAddress };
        anonymous.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var total = Math.Max(Requests / 4, 1);

        while (sent < total && clock.Elapsed < Budget)
        {
            var user = PageUsers[random.Next(PageUsers.Length)];
            var browser = user is null ? anonymous : await factory.BrowserAsync(user);
            var page = sent < pages.Count ? pages[sent] : pages[random.Next(pages.Count)];
            var path = "/" + Regex.Replace(page.TrimStart('/'), @"\{([^}:?]+)[^}]*\}", m => random.NextDouble() < 0.8
                ? pool.Id(random) ?? Guid.Empty.ToString()
                : HostileValues.Encoded[random.Next(HostileValues.Encoded.Length)] is { Length: > 0 } garbage ? garbage : "x");
            var query = string.Join('&', Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.NextDouble() < 0.3
                ? $"handler={handlers[random.Next(handlers.Count)]}"
                : $"{PageQueryNames[random.Next(PageQueryNames.Length)]}={HostileValues.Encoded[random.Next(HostileValues.Encoded.Length)]}"));
            var url = query.Length == 0 ? path : $"{path}?{query}";

            if (random.NextDouble() < 0.5)
            {
                sent++;
                await SendPageAsync(browser, HttpMethod.Get, url, user, null, failures);
                continue;
            }

            // A form post: the page's own fields (read from the page as a browser would) with hostile
            // values, with the page's antiforgery token or without one.
            sent++;
            using var form = await browser.GetAsync(path, Ct);
            var html = form.IsSuccessStatusCode ? await form.Content.ReadAsStringAsync(Ct) : "";
            var fields = Regex.Matches(html, "name=\"([^\"]+)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct(StringComparer.Ordinal).ToList();
            var pairs = new List<string>();
            var token = Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]*)\"");
            if (token.Success && random.NextDouble() < 0.8)
            {
                pairs.Add($"__RequestVerificationToken={Uri.EscapeDataString(WebUtility.HtmlDecode(token.Groups[1].Value))}");
            }

            foreach (var field in fields.Where(f => f != "__RequestVerificationToken" && random.NextDouble() < 0.8))
            {
                var value = random.NextDouble() < 0.4 ? "Test" : HostileValues.Encoded[random.Next(HostileValues.Encoded.Length)];
                pairs.Add($"{Uri.EscapeDataString(field)}={value}");
            }

            var handler = random.NextDouble() < 0.6 ? $"?handler={handlers[random.Next(handlers.Count)]}" : "";
            sent++;
            await SendPageAsync(browser, HttpMethod.Post, path + handler, user, string.Join('&', pairs), failures);
        }

        TestContext.Current.SendDiagnosticMessage($"Page fuzz: {sent} requests over {pages.Count} pages in {clock.Elapsed.TotalSeconds:F0} s (seed {Seed + 1})");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} page requests answered 5xx (seed {Seed + 1}):\n\n{string.Join("\n\n", failures.Take(60))}");
        Assert.Empty(await DatabaseConsistency.ProblemsAsync(factory.Services));
    }

    /// <summary>Real resources to aim at: a filed case, an announcement draft, an issued alert, an Outreach post and channel.</summary>
    private async Task<ResourcePool> SeededPoolAsync()
    {
        var pool = new ResourcePool();
        pool.AddId(await factory.CaseAsync());
        var (post, channel) = await factory.OutreachRecordsAsync();
        pool.AddId(post);
        pool.AddId(channel);
        pool.AddId(await factory.DraftAsync(await factory.BrowserAsync("editor")));
        pool.AddId(await factory.AlertAsync(await factory.BrowserAsync("crisis")));
        return pool;
    }

    private async Task<(JsonElement Document, IReadOnlyList<ApiOperation> Operations)> OperationsAsync()
    {
        using var client = factory.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Ct)).RootElement;
        return (document, ApiOperation.All(document));
    }

    private async Task<HttpClient> ClientAsync(Dictionary<string, HttpClient> clients, string? user)
    {
        var name = user ?? "";
        if (!clients.TryGetValue(name, out var client))
        {
            client = user is null ? factory.CreateClient() : await factory.CreateClientAsAsync(user);
            clients[name] = client;
        }

        return client;
    }

    private static async Task SendAsync(HttpClient client, FuzzRequest request, ResourcePool pool, List<string> failures)
    {
        // A pooled connection the server closed after an earlier refused body can end a response on
        // the client's side; only a request that gets no answer twice counts as a failure.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SendOnceAsync(client, request, pool, failures);
                return;
            }
            catch (HttpRequestException exception) when (attempt == 1)
            {
                TestContext.Current.SendDiagnosticMessage($"retrying after no answer: {exception.Message}");
            }
            catch (HttpRequestException exception)
            {
                failures.Add($"{request.Describe()}\n  → no answer: {exception.Message} {exception.InnerException?.Message}");
                return;
            }
        }
    }

    private static async Task SendOnceAsync(HttpClient client, FuzzRequest request, ResourcePool pool, List<string> failures)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }

        foreach (var (name, value) in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await client.SendAsync(message, Ct);
        var body = await response.Content.ReadAsByteArrayAsync(Ct);
        if ((int)response.StatusCode >= 500)
        {
            failures.Add($"{request.Describe()}\n  → {(int)response.StatusCode} {Excerpt(body)}");
        }
        else if (response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "application/json" && body.Length < 1_000_000)
        {
            using var json = JsonDocument.Parse(body);
            pool.Harvest(json.RootElement, response.Headers.ETag?.ToString());
        }
    }

    private static async Task SendPageAsync(HttpClient browser, HttpMethod method, string url, string? user, string? form, List<string> failures)
    {
        using var message = new HttpRequestMessage(method, url);
        if (form is not null)
        {
            // As browsers post forms: no charset, so the percent-encoded bytes are read as UTF-8.
            message.Content = new StringContent(form, Encoding.UTF8);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }

        using var response = await browser.SendAsync(message, Ct);
        var body = await response.Content.ReadAsByteArrayAsync(Ct);
        if ((int)response.StatusCode >= 500)
        {
            failures.Add($"{method} {url} as {user ?? "anonymous"} form: {(form ?? "")[..Math.Min(form?.Length ?? 0, 300)]}\n  → {(int)response.StatusCode} {Excerpt(body)}");
        }
    }

    private static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 4000));
        var detail = Regex.Match(text, "\"detail\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.){0,600})");
        return detail.Success ? detail.Groups[1].Value : text[..Math.Min(text.Length, 600)];
    }

    /// <summary>The route patterns of all Razor pages of the host.</summary>
    private List<string> PagePatterns() =>
        [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText ?? "")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    /// <summary>The named handlers (<c>OnPostIssueAsync</c> → <c>Issue</c>) of every page model, and one that does not exist.</summary>
    private static List<string> HandlerNames() =>
        [.. AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith("Egov.", StringComparison.Ordinal) == true)
            .SelectMany(a => a.GetTypes())
            .Where(t => typeof(PageModel).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Select(m => Regex.Match(m.Name, "^On(?:Get|Post)(\\w+?)(?:Async)?$"))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .Append("NoSuchHandler")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
}
