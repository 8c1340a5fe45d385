using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Forms.Contracts;
using Egov.SharedKernel.Errors;
using Egov.Testing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests.Portal;

/// <summary>
/// The Contracts queries the host's portal pages read modules through (issue 21): they answer from
/// the modules' own public lists and refuse a bad value as a validation problem naming the field,
/// never as an exception the caller did not ask for.
/// </summary>
public sealed class PortalContractsQueriesTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAnnouncementTeasers_WhenTheKindIsUnknown_IsRefusedNamingKind()
    {
        var failure = await Assert.ThrowsAsync<RequestValidationException>(() =>
            SendAsync(new ListAnnouncementTeasersQuery("Warning", "de", null, 4)));

        Assert.Contains("kind", failure.Errors.Keys);
    }

    [Fact]
    public async Task ListAnnouncementTeasers_WhenTheLanguageIsUnknown_IsRefusedNamingLang()
    {
        var failure = await Assert.ThrowsAsync<RequestValidationException>(() =>
            SendAsync(new ListAnnouncementTeasersQuery(AnnouncementKinds.News, "fr", null, 4)));

        Assert.Contains("lang", failure.Errors.Keys);
    }

    [Fact]
    public async Task ListPublicServices_WhenSearchedInEnglish_FindsTheSeededFormByItsEnglishTitle()
    {
        var found = await SendAsync(new ListPublicServicesQuery("dog TAX", 100));

        var service = Assert.Single(found);
        Assert.Equal("hundesteuer-anmeldung", service.Key);
        Assert.Equal("Dog tax registration", service.Title.In("en"));
        Assert.Equal("Hundesteuer-Anmeldung", service.Title.In("de"));
    }

    [Fact]
    public async Task ListPublicServices_WithoutSearch_ListsTheCatalogByKeyUpToTheLimit()
    {
        var all = await SendAsync(new ListPublicServicesQuery(null, 100));
        var two = await SendAsync(new ListPublicServicesQuery(null, 2));

        Assert.True(all.Count >= 3);
        Assert.Equal(all.Select(s => s.Key).Order(StringComparer.Ordinal), all.Select(s => s.Key));
        Assert.Equal(all.Take(2).Select(s => s.Key), two.Select(s => s.Key));
    }

    [Fact]
    public async Task ListPublicServices_WhenTheLimitIsZero_IsRefusedNamingLimit()
    {
        var failure = await Assert.ThrowsAsync<RequestValidationException>(() => SendAsync(new ListPublicServicesQuery(null, 0)));

        Assert.Contains("limit", failure.Errors.Keys);
    }

    private async Task<T> SendAsync<T>(IQuery<T> query)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, Ct);
    }
}
