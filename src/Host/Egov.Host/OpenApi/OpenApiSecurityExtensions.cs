using Egov.Host.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Egov.Host.OpenApi;

/// <summary>
/// Describes authentication in the OpenAPI document, so a generated client knows which calls need a
/// token: a <c>Bearer</c> (JWT) scheme always, an <c>oauth2</c> authorization-code scheme when the
/// development provider is on, and on each protected operation a security requirement plus its 401
/// and 403 problem responses.
/// </summary>
internal static class OpenApiSecurityExtensions
{
    public const string BearerSchemeName = "Bearer";
    public const string OAuth2SchemeName = "oauth2";

    public static IServiceCollection AddEgovOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer<InputTextSchemaTransformer>();
            options.AddDocumentTransformer((document, context, _) =>
            {
                document.Info.Title = "Egov API";
                document.Info.Description = "Online applications, announcements and outreach of the city. Errors are RFC 9457 problem details.";
                var settings = context.ApplicationServices.GetRequiredService<IOptions<IdentitySettings>>().Value;
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerSchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "An access token (audience egov-api) of a trusted identity provider.",
                };
                if (settings.Development.Enabled)
                {
                    var issuer = new Uri(settings.Development.Issuer);
                    document.Components.SecuritySchemes[OAuth2SchemeName] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.OAuth2,
                        Description = "The development identity provider (authorization code with PKCE).",
                        Flows = new OpenApiOAuthFlows
                        {
                            AuthorizationCode = new OpenApiOAuthFlow
                            {
                                AuthorizationUrl = new Uri(issuer, "connect/authorize"),
                                TokenUrl = new Uri(issuer, "connect/token"),
                                Scopes = new Dictionary<string, string>
                                {
                                    ["openid"] = "OpenID Connect",
                                    ["profile"] = "Name",
                                    ["email"] = "E-mail address",
                                    ["roles"] = "Egov roles",
                                    ["egov-api"] = "The Egov API",
                                },
                            },
                        },
                    };
                }

                return Task.CompletedTask;
            });

            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any())
                {
                    return Task.CompletedTask;
                }

                // Alternatives: any token of a trusted issuer, or (development) a login through the provider.
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(BearerSchemeName, context.Document)] = [],
                });
                if (context.ApplicationServices.GetRequiredService<IOptions<IdentitySettings>>().Value.Development.Enabled)
                {
                    operation.Security.Add(new OpenApiSecurityRequirement
                    {
                        [new OpenApiSecuritySchemeReference(OAuth2SchemeName, context.Document)] = ["egov-api"],
                    });
                }

                operation.Responses ??= new OpenApiResponses();
                operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid token or session (problem details)." });
                operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The caller lacks the required role (problem details)." });
                return Task.CompletedTask;
            });
        });
        return services;
    }
}
