using Egov.Modules.Outreach.Features.Channels.Kinds;
using Egov.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests.Outreach.Kinds;

/// <summary>The host with the test-only kind <see cref="NoticeBoardChannel"/> registered through DI, and its board on 127.0.0.1.</summary>
public sealed class NoticeBoardFactory : EgovApplicationFactory
{
    internal FakeNoticeBoard Board { get; } = new();

    public override async ValueTask InitializeAsync()
    {
        await Board.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Board.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Egov:Outreach:AllowLoopbackHttp", "true");
        builder.UseSetting("Egov:Outreach:Delivery:PollInterval", "00:00:00.100");
        builder.ConfigureServices((context, services) => services.AddChannelKind(new NoticeBoardChannel(), context.Configuration));
    }
}
