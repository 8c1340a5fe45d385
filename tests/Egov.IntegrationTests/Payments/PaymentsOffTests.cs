using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Egov.IntegrationTests.Identity;
using Egov.Modules.Payments.Persistence;
using Egov.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Egov.IntegrationTests.Forms.Cases.Filing;

namespace Egov.IntegrationTests.Payments;

/// <summary>A host without payment settings (the zero-setup default): paying is refused as a rule of this installation, never a 5xx, and nothing is stored.</summary>
public sealed class PaymentsOffTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    [Fact]
    public async Task Start_WithoutProviderSettings_Is422_AndStoresNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, _) = await FileAsync(erika);

        var response = await erika.PostAsync($"/api/v1/applications/{id}/payments", null, ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("not offered", (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PaymentsDbContext>().Payments.AnyAsync(p => p.ApplicationId == id, ct));
    }
}
