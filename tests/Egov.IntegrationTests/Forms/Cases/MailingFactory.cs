using Egov.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Egov.IntegrationTests.Forms.Cases;

/// <summary>The host with status mails on, sent to a real SMTP server on 127.0.0.1.</summary>
public sealed class MailingFactory : EgovApplicationFactory
{
    public LoopbackSmtpServer Smtp { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Smtp = await LoopbackSmtpServer.StartAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Egov:PublicBaseAddress", "https://service.musterstadt.example/");
        builder.UseSetting("Egov:Mail:Enabled", "true");
        builder.UseSetting("Egov:Mail:Host", Smtp.Host);
        builder.UseSetting("Egov:Mail:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Egov:Mail:Security", "None");
        builder.UseSetting("Egov:Mail:SenderAddress", "noreply@musterstadt.example");
        builder.UseSetting("Egov:Mail:SenderName", "Stadt Musterstadt – Bürgerservice");
    }
}
