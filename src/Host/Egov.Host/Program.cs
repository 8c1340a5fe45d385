using System.Text.Json.Serialization;
using Egov.Host.DataProtection;
using Egov.Host.ErrorHandling;
using Egov.Host.Health;
using Egov.Host.Hosting;
using Egov.Host.Identity;
using Egov.Host.Input;
using Egov.Host.Modules;
using Egov.Host.Observability;
using Egov.Host.OpenApi;
using Egov.Host.Persistence;
using Egov.Host.Portal;
using Egov.SharedKernel.Behaviors;
using Egov.SharedKernel.Persistence;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

// Modules serve their own scripts as static web assets (/_content/<Module>/…). CreateBuilder maps
// them from the build output in Development only; this does it in every environment (tests run as
// "Testing"). Published output has them under wwwroot/_content/, where this is a no-op.
builder.WebHost.UseStaticWebAssets();

if (builder.Environment.IsProduction() && string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)))
{
    // SQLite is the zero-setup default for development only; production data belongs in PostgreSQL.
    throw new InvalidOperationException(
        "No database configured for Production: set ConnectionStrings__Egov to a PostgreSQL connection string.");
}

builder.AddEgovObservability();
builder.AddEgovIdentity();
builder.Services.AddEgovErrorHandling();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());

    // An explicit null where the contract does not allow one is a 400 naming the member; missing
    // members are left to the validators, so optional (nullable) members may be omitted.
    options.SerializerOptions.RespectNullableAnnotations = true;

    // Text enters once, here: no control characters or lone surrogates, and in NFC (docs/api.md).
    options.SerializerOptions.Converters.Add(new InputTextJsonConverter());
    options.SerializerOptions.Converters.Add(new JsonElementInputConverter());
});

// One mediator for all modules; its source generator sees every referenced module's handlers.
// Pipeline order: Logging → Validation → handler.
builder.Services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>)];
});

builder.Services.AddEgovModules(builder.Configuration);

// Modules add their own policies (e.g. the receipt verification); a refused request is a 429
// problem (written by the status code pages) with Retry-After.
builder.Services.AddRateLimiter(options =>
{
    options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    options.OnRejected = (context, _) =>
    {
        if (context.Lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retryAfter))
        {
            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return ValueTask.CompletedTask;
    };
});

builder.Services.AddEgovReverseProxy(builder.Configuration);
builder.Services.AddEgovPortal();
builder.Services.AddEgovOpenApi();
builder.Services.AddHealthChecks()
    .AddCheck<StartupHealthCheck>("startup", tags: ["ready"])
    .AddCheck<ModuleDatabasesHealthCheck>("databases", tags: ["ready"]);

// The seeders and the web server start side by side, not one after the other (issue 17: a first start
// spent seconds seeding forms, guidelines and demo content in a row); /health/ready waits for all of them.
builder.Services.Configure<HostOptions>(options =>
{
    options.ServicesStartConcurrently = true;
});

var app = builder.Build();

if (args.Contains("migrate", StringComparer.Ordinal))
{
    // Operators apply migrations separately in production: `dotnet Egov.Host.dll migrate`.
    await app.Services.MigrateModuleDatabasesAsync();
    return;
}

if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
{
    await app.Services.MigrateModuleDatabasesAsync();
}

app.UseForwardedHeaders();
app.UseEgovPortal();
app.UseEgovStatusCodePages();
app.UseExceptionHandler();
app.UseMiddleware<RequestTextMiddleware>();

// Explicitly after the status code pages, so a re-executed error page is routed to its page.
app.UseRouting();
app.UseMiddleware<CorrelationIdMiddleware>();

// Public reads are answered from the read cache before sign-in is looked at: an endpoint opts in
// with CachePublicRead and says whether its answers may be shared with signed-in callers (ADR 0015).
app.UseOutputCache();
app.UseAuthentication();
app.UseEgovSessionChecks();
app.UseAuthorization();
app.UseRateLimiter();

app.MapOpenApi().AllowAnonymous();
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference(options => options
            .AddPreferredSecuritySchemes(OpenApiSecurityExtensions.OAuth2SchemeName)
            .AddAuthorizationCodeFlow(OpenApiSecurityExtensions.OAuth2SchemeName, flow =>
            {
                flow.ClientId = "egov-scalar";
                flow.Pkce = Pkce.Sha256;
                flow.SelectedScopes = ["openid", "profile", "roles", "egov-api"];
            }))
        .AllowAnonymous();
}

app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();

app.MapEgovIdentity();
app.MapEgovModules();
app.MapDataProtection();
app.MapRazorPages();

await app.RunAsync();

/// <summary>The host's entry point; public so integration tests can start it with WebApplicationFactory.</summary>
public partial class Program;
