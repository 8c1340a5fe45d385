using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Egov.IntegrationTests.Identity;
using Egov.IntegrationTests.Outreach;
using Egov.Testing;

namespace Egov.IntegrationTests.DataProtection;

/// <summary>The record of processing activities (Art. 30 GDPR) lists every published form and every configured channel, webhooks and disabled ones included.</summary>
public sealed class RecordOfProcessingTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    [Fact]
    public async Task Get_ListsEveryPublishedFormAndEveryConfiguredChannel_WithRetentionAndAssessment()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = await factory.CreateClientAsAsync("admin");
        await OutreachApi.CreateChannelAsync(admin, OutreachApi.Channel("telegram", "Stadt auf Telegram", "@stadt_info"));
        await OutreachApi.CreateChannelAsync(admin, OutreachApi.Channel("webhook", "Fachverfahren-Hook", "https://hooks.example/egov", enabled: false));

        var record = await admin.GetFromJsonAsync<JsonElement>("/api/v1/data-protection/record-of-processing", ct);

        var forms = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/forms", ct)).GetProperty("items").EnumerateArray().Select(f => f.GetProperty("key").GetString()).ToHashSet();
        Assert.NotEmpty(forms);
        Assert.Equal(forms, record.GetProperty("forms").EnumerateArray().Select(f => f.GetProperty("formKey").GetString()).ToHashSet());
        var dogTax = record.GetProperty("forms").EnumerateArray().Single(f => f.GetProperty("formKey").GetString() == "hundesteuer-anmeldung").GetProperty("activity");
        Assert.Contains("3650 Tage nach Abschluss", dogTax.GetProperty("retention").GetString(), StringComparison.Ordinal);
        Assert.Contains("statistischer Datensatz", dogTax.GetProperty("retention").GetString(), StringComparison.Ordinal);
        Assert.Contains("finance", dogTax.GetProperty("recipients").GetString(), StringComparison.Ordinal);

        var channels = record.GetProperty("channels").EnumerateArray().ToList();
        Assert.Equal(["Fachverfahren-Hook", "Stadt auf Telegram"], channels.Select(c => c.GetProperty("channelName").GetString()).Order(StringComparer.Ordinal).ToArray());
        Assert.All(channels, c => Assert.Equal("2026-10-01", c.GetProperty("dataProtectionAssessedOn").GetString()));
        Assert.False(channels.Single(c => c.GetProperty("kind").GetString() == "webhook").GetProperty("enabled").GetBoolean());
        Assert.Contains("Push", record.GetProperty("push").GetProperty("name").GetString(), StringComparison.Ordinal);

        using var caseworker = await factory.CreateClientAsAsync("caseworker");
        Assert.Equal(HttpStatusCode.Forbidden, (await caseworker.GetAsync("/api/v1/data-protection/record-of-processing", ct)).StatusCode);
    }
}
