using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Egov.Host.Identity;
using Egov.IntegrationTests.Forms.Cases;
using Egov.IntegrationTests.Identity;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Security;
using Egov.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests.Robustness;

/// <summary>
/// Issue 20, defect 11: one name, one spelling. Identity claims and text input are brought to NFC at
/// the boundary, and the worklist search finds a name whatever its Unicode form and case — also in
/// rows stored before, whose text may be decomposed (NFD).
/// </summary>
public sealed class NormalizationTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Claims_FromAProviderSendingDecomposedText_AreInNfc_WithoutControlCharacters()
    {
        var source = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("sub", "citizen-4711"), new Claim("name", "Jo\u0308rg Mu\u0308ller\u0000"), new Claim("address", "Bahnhofstra\u00DFe 1, Lu\u0308denscheid")], "test"));
        var issuer = new TrustedIssuerSettings { Name = "bund-id", Authority = "https://id.example", Realm = EgovRealms.Citizen };

        var identity = ClaimsNormalizer.Normalize(source, issuer, "test")!;

        Assert.Equal("J\u00F6rg M\u00FCller", identity.FindFirst(EgovClaimTypes.Name)!.Value);
        Assert.Equal("Bahnhofstra\u00DFe 1, L\u00FCdenscheid", identity.FindFirst(EgovClaimTypes.Address)!.Value);
    }

    [Theory]
    [InlineData("Müller")]
    [InlineData("MÜLLER")]
    [InlineData("Mu\u0308ller")]
    [InlineData("mu\u0308LLER")]
    public async Task WorklistSearch_FindsTheName_InAnyFormAndCase_AlsoInRowsStoredDecomposed(string search)
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var caseworker = await factory.CreateClientAsAsync("caseworker");
        var (nfcCase, _) = await Filing.FileAsync(erika);
        var (nfdCase, _) = await Filing.FileAsync(erika);
        await RenameAsync(nfcCase, "Erika M\u00FCller");
        await RenameAsync(nfdCase, "Erika Mu\u0308ller");

        var worklist = await caseworker.GetFromJsonAsync<JsonElement>($"/api/v1/cases?q={Uri.EscapeDataString(search)}&limit=100", Ct);

        var found = worklist.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(nfcCase, found);
        Assert.Contains(nfdCase, found);
    }

    [Fact]
    public async Task JsonText_IsStoredInNfc()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, _) = await Filing.FileAsync(erika);

        using var response = await erika.PostAsJsonAsync($"/api/v1/applications/{id}/messages", new { body = "Gru\u0308\u00DFe von Mu\u0308ller" }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<FormsDbContext>().CaseMessages.AsNoTracking().SingleAsync(m => m.ApplicationId == id, Ct);
        Assert.Equal("Gr\u00FC\u00DFe von M\u00FCller", stored.Body);
    }

    /// <summary>Stores the applicant's name as a row filed earlier would hold it: its search text folded to lower case only.</summary>
    private async Task RenameAsync(Guid id, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
        var application = await db.Applications.SingleAsync(a => a.Id == id, Ct);
        var searchText = $"{application.ReferenceNumber} {name}".ToLowerInvariant();
        await db.Applications.Where(a => a.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(a => a.ApplicantName, name)
            .SetProperty(a => a.SearchText, searchText), Ct);
    }
}
