using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Egov.Host.Identity.Development;

/// <summary>
/// The development provider's clients, created or updated at startup: the host's own browser login
/// (<c>egov-web</c>), the mobile app (<c>egov-mobile</c>), scripts and tests (<c>egov-cli</c>, the
/// only client allowed the password grant), a service client for the client-credentials grant
/// (<c>egov-service</c>) and the Scalar API reference (<c>egov-scalar</c>).
/// Redirect addresses are added to those registered by other hosts on the same database, never replaced.
/// </summary>
internal sealed class DevelopmentClients(IServiceScopeFactory scopeFactory, IOptions<IdentitySettings> settings) : IHostedService
{
    /// <summary>Development only; the production web client's secret comes from configuration.</summary>
    public const string WebClientSecret = "egov-web-development";

    public const string ServiceClientSecret = "egov-service-development";

    public const string ApiAudience = "egov-api";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The host starts its services side by side but runs each one's synchronous beginning in turn:
        // yielding first lets this seeding run beside the others and the web server (issue 17).
        await Task.Yield();
        var issuer = new Uri(settings.Value.Development.Issuer);
        await using var scope = scopeFactory.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();

        string[] userScopes = [Permissions.Prefixes.Scope + Scopes.Email, Permissions.Prefixes.Scope + Scopes.Profile,
            Permissions.Prefixes.Scope + Scopes.Roles, Permissions.Prefixes.Scope + Scopes.OfflineAccess,
            Permissions.Prefixes.Scope + ApiAudience];
        string[] codeFlow = [Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
            Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code];

        await UpsertAsync(manager, new OpenIddictApplicationDescriptor
        {
            ClientId = "egov-web",
            ClientSecret = WebClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "Egov web portals",
            RedirectUris = { new Uri(issuer, "signin-oidc") },
            PostLogoutRedirectUris = { new Uri(issuer, "signout-callback-oidc") },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        }, [.. codeFlow, .. userScopes], cancellationToken);

        await UpsertAsync(manager, new OpenIddictApplicationDescriptor
        {
            ClientId = "egov-mobile",
            ClientType = ClientTypes.Public,
            DisplayName = "Egov mobile app",
            RedirectUris = { new Uri("http://127.0.0.1/callback"), new Uri("de.egov.app:/oauth2redirect") },
            PostLogoutRedirectUris = { new Uri("de.egov.app:/logout") },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        }, [.. codeFlow, .. userScopes], cancellationToken);

        await UpsertAsync(manager, new OpenIddictApplicationDescriptor
        {
            ClientId = "egov-cli",
            ClientType = ClientTypes.Public,
            DisplayName = "Egov scripts and tests (development only)",
        }, [Permissions.Endpoints.Token, Permissions.GrantTypes.Password, Permissions.GrantTypes.RefreshToken, .. userScopes], cancellationToken);

        await UpsertAsync(manager, new OpenIddictApplicationDescriptor
        {
            ClientId = "egov-service",
            ClientSecret = ServiceClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "Egov service client (development only)",
        }, [Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + ApiAudience], cancellationToken);

        await UpsertAsync(manager, new OpenIddictApplicationDescriptor
        {
            ClientId = "egov-scalar",
            ClientType = ClientTypes.Public,
            DisplayName = "Scalar API reference",
            RedirectUris = { new Uri(issuer, "scalar/v1") },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        }, [.. codeFlow, .. userScopes], cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task UpsertAsync(
        IOpenIddictApplicationManager manager, OpenIddictApplicationDescriptor descriptor, string[] permissions, CancellationToken cancellationToken)
    {
        foreach (var permission in permissions)
        {
            descriptor.Permissions.Add(permission);
        }

        // Several development hosts may share one database, each at its own address (README: "another
        // port"); each adds its redirect addresses to those already registered instead of replacing
        // them, which would break the browser login of the hosts started before. A concurrent update
        // by another starting host is retried on the fresh row.
        for (var attempt = 1; ; attempt++)
        {
            var existing = await manager.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
            try
            {
                if (existing is null)
                {
                    await manager.CreateAsync(descriptor, cancellationToken);
                }
                else
                {
                    var registered = new OpenIddictApplicationDescriptor();
                    await manager.PopulateAsync(registered, existing, cancellationToken);
                    descriptor.RedirectUris.UnionWith(registered.RedirectUris);
                    descriptor.PostLogoutRedirectUris.UnionWith(registered.PostLogoutRedirectUris);
                    await manager.UpdateAsync(existing, descriptor, cancellationToken);
                }

                return;
            }
            catch (Exception ex) when (attempt < 5 && ex is OpenIddictExceptions.ConcurrencyException or Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                // Another host created or changed the client at the same moment: read it again and merge.
            }
        }
    }
}
