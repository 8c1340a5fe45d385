using System.Globalization;
using System.Net.Http.Headers;
using Egov.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Egov.IntegrationTests.Portal;

/// <summary>The cultures the request localization hands to each request.</summary>
public sealed class RequestCultureTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    /// <summary>
    /// The middleware gives a request <c>CultureInfo.ReadOnly(supported culture)</c>: a writable
    /// culture would be cloned, with its date and number formats, on every request.
    /// </summary>
    [Fact]
    public void SupportedCultures_AreReadOnlyAndShared()
    {
        var options = factory.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value;

        Assert.NotEmpty(options.SupportedCultures!);
        Assert.All(options.SupportedCultures!, c => Assert.True(c.IsReadOnly, c.Name));
        Assert.All(options.SupportedUICultures!, c => Assert.True(c.IsReadOnly, c.Name));
        Assert.True(options.DefaultRequestCulture.Culture.IsReadOnly);
        Assert.All(options.SupportedCultures!, c => Assert.Same(CultureInfo.GetCultureInfo(c.Name), c));
    }

    [Theory]
    [InlineData("en", "lang=\"en\"")]
    [InlineData("de", "lang=\"de\"")]
    [InlineData("fr", "lang=\"de\"")]
    public async Task Page_InTheLanguageAsked_OrGerman(string acceptLanguage, string expected)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(acceptLanguage));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains(expected, html, StringComparison.Ordinal);
    }
}
