using System.Buffers.Text;
using System.Security.Cryptography;
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
    public string ConnectionString { get; protected set; } = "";

    private string? _ownDatabase;

    /// <summary>Environment name the host runs in (default <c>Testing</c>).</summary>
    protected virtual string EnvironmentName => "Testing";

    /// <summary>
    /// Base address of the host as clients see it; the development provider's issuer. The in-memory
    /// test server answers at <c>http://localhost/</c>.
    /// </summary>
    public virtual Uri PublicBaseAddress => new("http://localhost/");

    /// <summary>
    /// The VAPID key pair of this host's Web Push (base64url: uncompressed P-256 point, 32-byte scalar),
    /// made per factory as an operator would configure it.
    /// </summary>
    public (string PublicKey, string PrivateKey) Vapid { get; } = NewVapidKeys();

    /// <summary>The VAPID subject (<c>sub</c> of the push JWT) this host is configured with.</summary>
    public const string VapidSubject = "mailto:push-tests@musterstadt.example";

    /// <summary>Whether Web Push endpoints may be plain http on any host (the fake push services of tests on 127.0.0.1).</summary>
    protected virtual bool AllowInsecurePushEndpoints => EnvironmentName != "Production";

    /// <summary>Device registrations per client and minute; tests register many devices from one address.</summary>
    protected virtual int DeviceRegistrationsPerMinute => 10_000;

    /// <summary>Whether the development identity provider is mounted (never in Production).</summary>
    protected virtual bool DevelopmentProviderEnabled => EnvironmentName != "Production";

    public virtual async ValueTask InitializeAsync()
    {
        var server = await PostgresServer.GetAsync();
        ConnectionString = await server.CreateDatabaseAsync(GetType().Name);
        _ownDatabase = ConnectionString;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();

        // Only the database this factory made: a second instance that switched to another's database leaves it be.
        if (_ownDatabase is not null)
        {
            await PostgresServer.DropDatabaseAsync(_ownDatabase);
        }

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
        builder.UseSetting("Egov:Push:Vapid:PublicKey", Vapid.PublicKey);
        builder.UseSetting("Egov:Push:Vapid:PrivateKey", Vapid.PrivateKey);
        builder.UseSetting("Egov:Push:Vapid:Subject", VapidSubject);
        builder.UseSetting("Egov:Push:WebPush:AllowInsecureEndpoints", AllowInsecurePushEndpoints ? "true" : "false");
        builder.UseSetting("Egov:Push:RegistrationsPerMinute", DeviceRegistrationsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Egov:Push:PollInterval", "00:00:00.200");
        builder.UseSetting("Egov:Push:InitialRetryDelay", "00:00:00.100");
    }

    private static (string PublicKey, string PrivateKey) NewVapidKeys()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = key.ExportParameters(includePrivateParameters: true);
        return (Base64Url.EncodeToString([0x04, .. p.Q.X!, .. p.Q.Y!]), Base64Url.EncodeToString(p.D));
    }
}
