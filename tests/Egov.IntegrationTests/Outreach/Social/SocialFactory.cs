using Egov.IntegrationTests.Outreach.Adapters;
using Egov.Testing;
using Egov.Testing.Fakes;
using Microsoft.AspNetCore.Hosting;

namespace Egov.IntegrationTests.Outreach.Social;

/// <summary>
/// The host with fakes of Meta's Graph and Threads APIs and of LinkedIn on 127.0.0.1, short HTTP timings, and a public
/// base address for the image links Instagram and Threads fetch. Shared by the social-kind test classes
/// (<see cref="SocialCollection"/>), which therefore run one after another: they script faults on the same fakes.
/// </summary>
public sealed class SocialFactory : EgovApplicationFactory
{
    /// <summary>The attempt timeout of these tests; a fake that answers later has timed out.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Where the internet reaches Egov (<c>Egov:PublicBaseAddress</c>): the public image links start here.</summary>
    public const string PublicSite = "https://egov.musterstadt.example";

    public FakeMeta Meta { get; } = new();

    public FakeLinkedIn LinkedIn { get; } = new();

    public override async ValueTask InitializeAsync()
    {
        await Task.WhenAll(Meta.StartAsync(), LinkedIn.StartAsync());
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Meta.DisposeAsync();
        await LinkedIn.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        AdapterTimings.Apply(builder, AttemptTimeout);
        builder.UseSetting("Egov:PublicBaseAddress", PublicSite + "/");
        foreach (var kind in (string[])["facebook", "instagram", "threads"])
        {
            builder.UseSetting($"Egov:Outreach:Platforms:{kind}:ApiBaseAddress", Meta.BaseAddress.ToString());
        }

        builder.UseSetting("Egov:Outreach:Platforms:linkedin:ApiBaseAddress", LinkedIn.BaseAddress.ToString());
    }
}

/// <summary>The social-kind test classes share one host and its fakes, one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SocialCollection : ICollectionFixture<SocialFactory>
{
    public const string Name = "Outreach social kinds";
}
