using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Egov.IntegrationTests;

/// <summary>The zero-setup start: no connection string, no configuration files, SQLite under the content root.</summary>
public sealed class ZeroSetupHostTests : IDisposable
{
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("egov-zero-setup-").FullName;

    [Fact]
    public async Task Host_WithNoConfigurationAtAll_ServesReadyAndAnnouncementsFromSqlite()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            builder.UseContentRoot(_contentRoot).UseEnvironment("Development"));
        using var client = factory.CreateClient();

        var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        var announcements = await client.GetAsync("/api/v1/announcements", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, announcements.StatusCode);
        Assert.Equal("{\"items\":[],\"nextCursor\":null}", await announcements.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(File.Exists(Path.Combine(_contentRoot, "data", "egov-announcements.db")), "the SQLite file lives under the content root");
    }

    [Fact]
    public async Task Host_OnSqlite_FilesApplicationsWithReferenceNumbersAndReceipts()
    {
        // As `dotnet run` starts it: SQLite, and the development provider of appsettings.Development.json.
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseContentRoot(_contentRoot)
            .UseEnvironment("Development")
            .UseSetting("Identity:Development:Enabled", "true")
            .UseSetting("Identity:Development:Issuer", "http://localhost/"));
        using var erika = factory.CreateClient();
        erika.DefaultRequestHeaders.Authorization = new("Bearer", await Identity.Tokens.PasswordGrantAsync(erika, "erika"));

        var (first, firstReference) = await Forms.Cases.Filing.FileAsync(erika);
        var (_, secondReference) = await Forms.Cases.Filing.FileAsync(erika);
        var receipt = await erika.GetAsync($"/api/v1/applications/{first}/receipt", ct);

        Assert.Matches("^EGOV-\\d{4}-000001$", firstReference);
        Assert.Matches("^EGOV-\\d{4}-000002$", secondReference);
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await receipt.Content.ReadAsByteArrayAsync(ct))[..5]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_InProductionWithoutConnectionString_RefusesToStart()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            builder.UseContentRoot(_contentRoot).UseEnvironment("Production"));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("ConnectionStrings__Egov", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_contentRoot, "data")), "no SQLite file is created in Production");
    }

    [Fact]
    public async Task Host_WithAnUnparsableTrustedProxyNetwork_RefusesToStartNamingTheSetting()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseContentRoot(_contentRoot)
            .UseEnvironment("Development")
            .UseSetting("Egov:ReverseProxy:KnownNetworks:0", "10.0.0.0/99"));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Egov:ReverseProxy:KnownNetworks:0 = '10.0.0.0/99' is not a CIDR network", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_contentRoot, recursive: true);
    }
}
