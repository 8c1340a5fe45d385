using Egov.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Egov.IntegrationTests.Forms.Scanning;

/// <summary>The host scanning uploads with a real clamd on 127.0.0.1 (test signature database: EICAR only).</summary>
public sealed class ScanningFactory : EgovApplicationFactory
{
    public ClamdServer Clamd { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        Clamd = await ClamdServer.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Clamd.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Egov:Scanning:Clamd", Clamd.TcpEndpoint);
        builder.UseSetting("Egov:Scanning:Timeout", "00:00:05");

        // The tests drive rescans themselves (RunOnceAsync); the background round must not race them.
        builder.UseSetting("Egov:Scanning:RescanInterval", "01:00:00");
    }
}

/// <summary>The host configured to refuse uploads while clamd is down; it points at a port nothing listens on.</summary>
public sealed class RefusingScannerFactory : EgovApplicationFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        builder.UseSetting("Egov:Scanning:Clamd", $"tcp://127.0.0.1:{closedPort}");
        builder.UseSetting("Egov:Scanning:WhenUnavailable", "Refuse");
        builder.UseSetting("Egov:Scanning:Timeout", "00:00:05");
    }
}
