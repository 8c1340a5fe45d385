using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Egov.Testing;

/// <summary>
/// The real host (<c>Program</c>) on a database of its own in the test PostgreSQL server; use it as
/// a class fixture, so each test class has isolated data. Outbox polling is fast so that tests
/// see events within milliseconds.
/// </summary>
public class EgovApplicationFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Connection string of this factory's database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Environment name the host runs in (default <c>Testing</c>).</summary>
    protected virtual string EnvironmentName => "Testing";

    /// <summary>
    /// Base address of the host as clients see it; the development provider's issuer. The in-memory
    /// test server answers at <c>http://localhost/</c>.
    /// </summary>
    public virtual Uri PublicBaseAddress => new("http://localhost/");

    /// <summary>Whether the development identity provider is mounted (never in Production).</summary>
    protected virtual bool DevelopmentProviderEnabled => EnvironmentName != "Production";

    public virtual async ValueTask InitializeAsync()
    {
        var server = await PostgresServer.GetAsync();
        ConnectionString = await server.CreateDatabaseAsync(GetType().Name);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("ConnectionStrings:Egov", ConnectionString);
        builder.UseSetting("Identity:Development:Enabled", DevelopmentProviderEnabled ? "true" : "false");
        builder.UseSetting("Identity:Development:Issuer", PublicBaseAddress.ToString());
        builder.UseSetting("Outbox:PollInterval", "00:00:00.200");
        builder.UseSetting("Outbox:InitialRetryDelay", "00:00:00.050");
        builder.UseSetting("Outbox:MaxRetryDelay", "00:00:01");
    }
}
