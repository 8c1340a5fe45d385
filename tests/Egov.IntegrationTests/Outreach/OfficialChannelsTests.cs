using System.Net.Http.Json;
using System.Text.Json;
using Egov.Modules.Outreach.Domain.Channels;
using Egov.Modules.Outreach.Features.Channels.Kinds.AppPush;
using Egov.Modules.Outreach.Features.Channels.Kinds.Webhook;
using Egov.Modules.Outreach.Persistence;
using Egov.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests.Outreach;

/// <summary>
/// The official-channel register (<c>/api/v1/official-channels</c>, <c>/kanaele</c>) from the kinds' descriptors:
/// every enabled public voice with the profile its kind makes (Mastodon, Telegram, Bluesky; none for the app),
/// the platform's name for people, and no webhook.
/// </summary>
public sealed class OfficialChannelsTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_ListsPublicVoicesWithTheirKindsProfiles_AndNoWebhook()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        await SeedAsync(
            ("mastodon", $"Mastodon {run}", "https://social.musterstadt.example", "@stadt@social.musterstadt.example"),
            ("telegram", $"Telegram {run}", "@stadt_info", null),
            ("bluesky", $"Bluesky {run}", "https://bsky.social", "stadt.bsky.social"),
            ("app-push", $"App {run}", null, null),
            ("webhook", $"Webhook {run}", "https://partner.example/hooks/egov", null));
        using var client = factory.CreateClient();

        var channels = (await client.GetFromJsonAsync<JsonElement>("/api/v1/official-channels", Ct)).EnumerateArray()
            .Where(c => c.GetProperty("name").GetString()!.EndsWith(run, StringComparison.Ordinal))
            .ToDictionary(c => c.GetProperty("kind").GetString()!, c => c.GetProperty("profileUrl").GetString());

        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["app-push"] = null,
                ["bluesky"] = "https://bsky.app/profile/stadt.bsky.social",
                ["mastodon"] = "https://social.musterstadt.example/@stadt",
                ["telegram"] = "https://t.me/stadt_info",
            },
            channels);
        var page = await client.GetStringAsync("/kanaele", Ct);
        Assert.Contains($"Stadt-App (Push-Nachrichten): App {run}", page, StringComparison.Ordinal);
        Assert.Contains($"Bluesky: Bluesky {run}", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"Webhook {run}", page, StringComparison.Ordinal);
    }

    private async Task SeedAsync(params (string Kind, string Name, string? Address, string? Account)[] channels)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OutreachDbContext>();
        foreach (var (kind, name, address, account) in channels)
        {
            var settings = new ChannelSettings(name, Enabled: true, CrisisCapable: false, "Pressestelle", address, account,
                AssessmentDone: true, new DateOnly(2026, 11, 2), null, RequiresImprintLink: false, CrossPostPolicy.None);
            var limits = kind == "app-push" ? new AppPushChannel().DocumentedLimits() : new WebhookChannel().DocumentedLimits();
            db.Channels.Add(Channel.Create(kind, settings, limits, null, DateTimeOffset.UtcNow));
        }

        await db.SaveChangesAsync(Ct);
    }
}
