using Egov.IntegrationTests.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Egov.IntegrationTests.Outreach;

/// <summary>
/// Staff members from a fake staff identity provider, holding any roles at once (a small press office where one person
/// is Editor and Approver): the host trusts the provider, the tests get clients for such people.
/// </summary>
internal static class StaffPeople
{
    /// <summary>Makes the host trust <paramref name="idp"/> as the staff realm's issuer, roles in <c>realm_access.roles</c>.</summary>
    public static void Trust(IWebHostBuilder builder, ExternalIssuerTests.FakeIssuer idp)
    {
        builder.UseSetting("Identity:TrustedIssuers:0:Name", "keycloak-staff");
        builder.UseSetting("Identity:TrustedIssuers:0:Authority", idp.Issuer);
        builder.UseSetting("Identity:TrustedIssuers:0:Realm", "staff");
        builder.UseSetting("Identity:TrustedIssuers:0:RequireHttpsMetadata", "false");
        builder.UseSetting("Identity:TrustedIssuers:0:Claims:Roles", "realm_access.roles");
    }

    /// <summary>A client of <paramref name="factory"/> for a staff member of <paramref name="idp"/> holding <paramref name="roles"/>.</summary>
    public static HttpClient Client<TEntryPoint>(WebApplicationFactory<TEntryPoint> factory, ExternalIssuerTests.FakeIssuer idp, string subject, string name, params string[] roles)
        where TEntryPoint : class
    {
        var client = factory.CreateClient();
        var token = idp.Issue(new Dictionary<string, object>
        {
            ["sub"] = subject,
            ["name"] = name,
            ["realm_access"] = new Dictionary<string, object> { ["roles"] = roles },
        });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
