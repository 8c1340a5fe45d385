using System.Net;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.RateLimiting;
using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Mobile.Features.Push;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Http;
using Egov.SharedKernel.Reads;
using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Egov.Modules.Mobile.Features.Devices;

/// <summary>
/// The mobile app's device API (<c>/api/v1/devices</c>) and push metadata (<c>/api/v1/push</c>).
/// Anonymous: a device proves itself with its secret (header <c>Device-Secret</c>); a citizen's
/// bearer token at registration links the device to them.
/// </summary>
internal static class DeviceEndpoints
{
    /// <summary>Rate-limiter policy of registrations (per client IP address).</summary>
    public const string RegistrationPolicy = "device-registration";

    private const string SecretDescription = "The secret the registration answered with.";

    /// <summary>Adds the registration's fixed-window limit: <see cref="PushOptions.RegistrationsPerMinute"/> per client IP address.</summary>
    public static IServiceCollection AddDeviceRegistrationRateLimit(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<PushOptions>>((limiter, push) =>
            limiter.AddPolicy(RegistrationPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? IPAddress.None.ToString(),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = push.Value.RegistrationsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })));
        return services;
    }

    public static IEndpointRouteBuilder MapDeviceEndpoints(this IEndpointRouteBuilder app)
    {
        var devices = app.MapGroup("/api/v1/devices").WithTags("Devices").AllowAnonymous();

        devices.MapPost("/", async Task<Results<Created<DeviceRegistrationResponse>, Ok<DeviceRegistrationResponse>, UnauthorizedHttpResult>> (
                RegisterDeviceRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
                HttpContext http, ISender sender, CancellationToken ct) =>
            {
                if (http.User.Identity?.IsAuthenticated != true && http.Request.Headers.Authorization.Count > 0)
                {
                    // Credentials that did not authenticate (expired, foreign) are refused rather than
                    // read as anonymous, which would drop the device's link to its citizen.
                    return TypedResults.Unauthorized();
                }

                var registration = await sender.Send(new RegisterDeviceCommand(
                    request.Platform, request.Endpoint, request.Keys?.P256dh, request.Keys?.Auth, request.Language,
                    DeviceLanguage.FromRequest(http), request.AppVersion, request.Topics, CitizenSubject(http), idempotencyKey), ct);
                return registration.Created
                    ? TypedResults.Created($"/api/v1/devices/{registration.Response.Id}", registration.Response)
                    : TypedResults.Ok(registration.Response);
            })
            .RequireRateLimiting(RegistrationPolicy)
            .WithName("RegisterDevice")
            .WithSummary("Register a device for push notifications, or update the registration of its endpoint")
            .WithDescription(
                "Anonymous, or with a citizen's bearer token to link the device to them (status notifications of their applications); " +
                "without a token the registration is anonymous (an earlier link is dropped). The same endpoint again updates its registration " +
                "(200) instead of adding one; a new one answers 201 with `Location`. The answer carries the device `secret` for the " +
                "`Device-Secret` header of every further call. With an `Idempotency-Key`, a repeated request answers like the first. " +
                "`topics`, when given, replaces the device's topics. Rate-limited per IP address (429 with Retry-After).")
            .Produces<DeviceRegistrationResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        devices.MapGet("/{id:guid}", async Task<Ok<DeviceResponse>> (
                Guid id, [FromHeader(Name = DeviceSecrets.HeaderName)] string? secret, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetDeviceQuery(id, secret), ct)))
            .WithName("GetDevice")
            .WithSummary("A device's registration: platform, language, link and topics")
            .WithDescription(SecretDescription)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        devices.MapDelete("/{id:guid}", async Task<NoContent> (
                Guid id, [FromHeader(Name = DeviceSecrets.HeaderName)] string? secret, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new UnregisterDeviceCommand(id, secret), ct);
                return TypedResults.NoContent();
            })
            .WithName("UnregisterDevice")
            .WithSummary("Unregister a device: no further notifications")
            .WithDescription("Needs no account, only the device secret. Call it when the user turns notifications off or signs out of the app for good.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        devices.MapGet("/{id:guid}/topics", async Task<Ok<DeviceTopicsResponse>> (
                Guid id, [FromHeader(Name = DeviceSecrets.HeaderName)] string? secret, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(new DeviceTopicsResponse((await sender.Send(new GetDeviceQuery(id, secret), ct)).Topics)))
            .WithName("GetDeviceTopics")
            .WithSummary("The device's topics")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        devices.MapPut("/{id:guid}/topics", async Task<Ok<DeviceTopicsResponse>> (
                Guid id, ReplaceDeviceTopicsRequest request, [FromHeader(Name = DeviceSecrets.HeaderName)] string? secret, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReplaceDeviceTopicsCommand(id, secret, request.Topics), ct)))
            .WithName("ReplaceDeviceTopics")
            .WithSummary("Replace the device's topics with a complete list")
            .WithDescription("Topics: `alerts:minor|moderate|severe|extreme` (one threshold), `category:{code}`, `region:{12-digit ARS}` (at most 20). An unknown topic is a 400 naming `topics[i]`.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        devices.MapPut("/{id:guid}/topics/{topic}", async Task<Ok<DeviceTopicsResponse>> (
                Guid id, string topic, [FromHeader(Name = DeviceSecrets.HeaderName)] string? secret, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SubscribeDeviceTopicCommand(id, secret, topic), ct)))
            .WithName("SubscribeDeviceTopic")
            .WithSummary("Opt in to one topic")
            .WithDescription("Idempotent. A new `alerts:…` threshold replaces the old one. 422 when the device follows 20 regions already.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        devices.MapDelete("/{id:guid}/topics/{topic}", async Task<Ok<DeviceTopicsResponse>> (
                Guid id, string topic, [FromHeader(Name = DeviceSecrets.HeaderName)] string? secret, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UnsubscribeDeviceTopicCommand(id, secret, topic), ct)))
            .WithName("UnsubscribeDeviceTopic")
            .WithSummary("Opt out of one topic")
            .WithDescription("Idempotent. Any `alerts:…` topic switches alerts off.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var push = app.MapGroup("/api/v1/push").WithTags("Push").AllowAnonymous();

        push.MapGet("/vapid-public-key", (HttpContext http, IOptions<PushOptions> options) =>
                Conditional(http, new VapidPublicKeyResponse(options.Value.Vapid.IsConfigured
                    ? options.Value.Vapid.PublicKey!
                    : throw new NotFoundException("Web Push is not configured on this installation (Egov:Push:Vapid).")), null))
            .CachePublicRead(PublicReadAudience.Everyone, null, PushConfigurationRegion)
            .WithName("GetVapidPublicKey")
            .WithSummary("The VAPID public key: the applicationServerKey for PushManager.subscribe")
            .WithDescription("Base64url, uncompressed P-256 point (RFC 8292). When it changes, existing Web Push subscriptions stop working: subscribe again and register the new endpoint. ETag; If-None-Match answers 304.")
            .Produces<VapidPublicKeyResponse>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        push.MapGet("/topics", async (HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var language = DeviceLanguage.FromRequest(http);
                return Conditional(http, await sender.Send(new GetTopicCatalogQuery(language), ct), language);
            })
            .CachePublicRead(PublicReadAudience.Everyone, DeviceLanguage.FromRequest, AnnouncementReadRegion.Name)
            .WithName("ListPushTopics")
            .WithSummary("The topics a device can subscribe to, with labels for the app's settings")
            .WithDescription("Labels in German or English by `Accept-Language` (category labels are German). ETag; If-None-Match answers 304.")
            .Produces<TopicCatalogResponse>()
            .Produces(StatusCodes.Status304NotModified);

        return app;
    }

    /// <summary>
    /// The read region of the push configuration (the VAPID key): set at start from configuration,
    /// so never invalidated by a write; the topic list depends on the announcement categories.
    /// </summary>
    private const string PushConfigurationRegion = "push-configuration";

    /// <summary>The <c>sub</c> of a signed-in citizen, null for an anonymous caller.</summary>
    /// <exception cref="ForbiddenException">A staff account: devices are linked to citizens only.</exception>
    private static string? CitizenSubject(HttpContext http)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        return user.FindFirstValue(EgovClaimTypes.Realm) == EgovRealms.Citizen
            ? user.FindFirstValue(EgovClaimTypes.Subject)
            : throw new ForbiddenException("Only a citizen account can be linked to a device; register it without a staff token.");
    }

    /// <summary>JSON with a strong ETag and 304 for a matching <c>If-None-Match</c>.</summary>
    private static IResult Conditional<T>(HttpContext http, T value, string? language)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, options);
        var etag = EntityTags.OfContent(bytes);
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "public, max-age=300";
        if (language is not null)
        {
            http.Response.Headers.Vary = HeaderNames.AcceptLanguage;
            http.Response.Headers.ContentLanguage = language;
        }

        return EntityTags.IfNoneMatchMatches(http, etag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(bytes, "application/json; charset=utf-8");
    }
}
