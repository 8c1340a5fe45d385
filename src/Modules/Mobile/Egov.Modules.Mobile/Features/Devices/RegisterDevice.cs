using Egov.Modules.Mobile.Domain.Devices;
using Egov.Modules.Mobile.Engines.PushCrypto;
using Egov.Modules.Mobile.Features.Push;
using Egov.Modules.Mobile.Persistence;
using Egov.SharedKernel.Errors;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Mobile.Features.Devices;

/// <summary>Registers a device, or updates the registration of the same endpoint.</summary>
/// <param name="Platform">As requested: webpush, fcm or apns.</param>
/// <param name="Endpoint">Web Push endpoint URL, FCM or APNs token.</param>
/// <param name="P256dh">Web Push: <c>keys.p256dh</c>.</param>
/// <param name="Auth">Web Push: <c>keys.auth</c>.</param>
/// <param name="AppVersion">The app's version.</param>
/// <param name="Topics">The new topics, or null to keep them.</param>
/// <param name="IdempotencyKey">The <c>Idempotency-Key</c> header.</param>
/// <param name="Subject">OIDC <c>sub</c> of the signed-in citizen, or null for an anonymous device.</param>
/// <param name="Language">The requested language, or null for <paramref name="DefaultLanguage"/>.</param>
/// <param name="DefaultLanguage">From <c>Accept-Language</c>.</param>
internal sealed record RegisterDeviceCommand(
    string? Platform,
    string? Endpoint,
    string? P256dh,
    string? Auth,
    string? Language,
    string DefaultLanguage,
    string? AppVersion,
    IReadOnlyList<string>? Topics,
    string? Subject,
    string? IdempotencyKey) : ICommand<DeviceRegistration>;

/// <summary>The outcome of a registration: <paramref name="Created"/> is true for a new device (and for a repeated request with the key that created it).</summary>
internal sealed record DeviceRegistration(bool Created, DeviceRegistrationResponse Response);

/// <summary>
/// Checks a registration; each problem names its field (<c>platform</c>, <c>endpoint</c>,
/// <c>keys.p256dh</c>, <c>keys.auth</c>, <c>language</c>, <c>appVersion</c>, <c>topics[i]</c>,
/// <c>Idempotency-Key</c>). A Web Push endpoint must be https on a push service of
/// <see cref="PushOptions.WebPushSettings.EffectiveAllowedHosts"/>: the host will send requests to
/// it, so an arbitrary address would let anyone make the host call into its own network.
/// </summary>
internal sealed class RegisterDeviceValidator : AbstractValidator<RegisterDeviceCommand>
{
    public RegisterDeviceValidator(IOptions<PushOptions> options, IEnumerable<IPushSender> senders, TopicCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(options);
        var webPush = options.Value.WebPush;
        var configured = senders.Where(s => s.IsConfigured).Select(s => s.Platform).ToHashSet();

        RuleFor(c => c.Platform).Cascade(CascadeMode.Stop).NotEmpty()
            .Must(p => DevicePlatforms.Parse(p) is not null)
            .WithMessage(c => $"'{c.Platform}' is not a platform; use one of: {string.Join(", ", DevicePlatforms.All)}.")
            .Must(p => configured.Contains(DevicePlatforms.Parse(p)!.Value))
            .WithMessage(c => $"{c.Platform} is not configured on this installation; use one of: {string.Join(", ", configured.Select(DevicePlatforms.Name))}.");

        RuleFor(c => c.Endpoint).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(Device.MaxEndpointLength);
        RuleFor(c => c.Endpoint)
            .Custom((endpoint, context) =>
            {
                if (EndpointProblem(DevicePlatforms.Parse(context.InstanceToValidate.Platform)!.Value, endpoint!.Trim(), webPush) is { } problem)
                {
                    context.AddFailure(problem);
                }
            })
            .When(c => DevicePlatforms.Parse(c.Platform) is not null && !string.IsNullOrWhiteSpace(c.Endpoint) && c.Endpoint.Length <= Device.MaxEndpointLength);

        When(c => DevicePlatforms.Parse(c.Platform) == DevicePlatform.WebPush, () =>
        {
            RuleFor(c => c.P256dh).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Web Push needs the subscription's p256dh key.")
                .Must(VapidKeys.IsPublicKey).WithMessage("Must be a P-256 public key: an uncompressed point of 65 bytes, base64url-encoded (RFC 8291 §3.1).")
                .OverridePropertyName("keys.p256dh");
            RuleFor(c => c.Auth).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Web Push needs the subscription's auth secret.")
                .Must(a => VapidKeys.Decode(a) is { Length: 16 }).WithMessage("Must be the 16-byte authentication secret, base64url-encoded (RFC 8291 §3.2).")
                .OverridePropertyName("keys.auth");
        }).Otherwise(() =>
        {
            RuleFor(c => c.P256dh).Null().OverridePropertyName("keys.p256dh").WithMessage("Only Web Push subscriptions have keys.");
            RuleFor(c => c.Auth).Null().OverridePropertyName("keys.auth").WithMessage("Only Web Push subscriptions have keys.");
        });

        RuleFor(c => c.Language)
            .Must(l => l is null || DeviceLanguage.All.Contains(l))
            .WithMessage($"Must be one of: {string.Join(", ", DeviceLanguage.All)}.");
        RuleFor(c => c.AppVersion).MaximumLength(50)
            .Must(v => v is null || !v.Any(char.IsControl)).WithMessage("Must be one line without control characters.");
        this.TopicList(c => c.Topics, catalog);
        RuleFor(c => c.IdempotencyKey).MaximumLength(100).OverridePropertyName("Idempotency-Key").WithName("Idempotency-Key");
    }

    /// <summary>Why <paramref name="endpoint"/> is no endpoint of <paramref name="platform"/>, or null.</summary>
    public static string? EndpointProblem(DevicePlatform platform, string endpoint, PushOptions.WebPushSettings webPush) => platform switch
    {
        DevicePlatform.WebPush => WebPushEndpointProblem(endpoint, webPush),
        DevicePlatform.Fcm => endpoint.All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or '_' or '-')
            ? null
            : "Must be the FCM registration token (letters, digits, ':', '_', '-').",
        _ => endpoint.Length is >= 64 and <= 200 && endpoint.Length % 2 == 0 && endpoint.All(char.IsAsciiHexDigit)
            ? null
            : "Must be the APNs device token in hexadecimal (64 to 200 hex digits).",
    };

    private static string? WebPushEndpointProblem(string endpoint, PushOptions.WebPushSettings webPush)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return "Must be the subscription's absolute endpoint URL (PushSubscription.endpoint).";
        }

        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return "Must be a push service URL without user name, password or fragment.";
        }

        if (webPush.AllowInsecureEndpoints)
        {
            return null;
        }

        if (uri.Scheme != "https")
        {
            return "Must be an https URL: push services are reached over TLS only (RFC 8030 §8).";
        }

        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || uri.IsLoopback || !uri.IsDefaultPort)
        {
            return "Must be the URL of a push service by its host name on the default port.";
        }

        var host = uri.IdnHost;
        var allowed = webPush.EffectiveAllowedHosts;
        return allowed.Any(a => string.Equals(host, a, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + a, StringComparison.OrdinalIgnoreCase))
            ? null
            : $"{host} is not a push service this installation accepts ({string.Join(", ", allowed)}).";
    }
}

/// <summary>
/// Registers a device or, when its endpoint is known, updates that registration: one row per
/// endpoint, whatever the number of requests. Two first registrations of one endpoint at the same
/// moment meet at the unique index; the one that loses updates the winner's row.
/// </summary>
internal sealed class RegisterDeviceHandler(MobileDbContext db, DeviceSecrets secrets, TimeProvider time)
    : ICommandHandler<RegisterDeviceCommand, DeviceRegistration>
{
    public async ValueTask<DeviceRegistration> Handle(RegisterDeviceCommand command, CancellationToken cancellationToken)
    {
        var platform = DevicePlatforms.Parse(command.Platform)!.Value;
        var address = platform == DevicePlatform.WebPush
            ? new DeviceAddress(platform, command.Endpoint!.Trim(), Normalize(command.P256dh), Normalize(command.Auth))
            : new DeviceAddress(platform, command.Endpoint!.Trim(), null, null);
        var language = command.Language ?? command.DefaultLanguage;
        var topics = command.Topics?.Select(t => DeviceTopic.TryParse(t, out var topic) ? topic : throw new InvalidOperationException("unchecked topic")).ToList();
        if (command.IdempotencyKey is { } key
            && await db.Devices.AnyAsync(d => d.CreationKey == key && d.Endpoint != address.Endpoint, cancellationToken))
        {
            throw new ConflictException("This Idempotency-Key was used to register another endpoint; use a new key for a new request.");
        }

        var now = time.GetUtcNow();
        var device = await db.Devices.SingleOrDefaultAsync(d => d.Endpoint == address.Endpoint, cancellationToken);
        var created = device is null;
        if (device is null)
        {
            device = Device.Register(address, language, command.AppVersion, command.Subject, command.IdempotencyKey, now);
            db.Devices.Add(device);
        }
        else
        {
            device.Update(address, language, command.AppVersion, command.Subject, now);
        }

        if (topics is not null)
        {
            device.ReplaceTopics(topics, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (created)
        {
            // The same endpoint was registered at the same moment by another request, which won:
            // this request becomes an update of that row.
            db.ChangeTracker.Clear();
            device = await db.Devices.SingleOrDefaultAsync(d => d.Endpoint == address.Endpoint, cancellationToken)
                ?? throw new ConflictException("The device could not be registered; try again.");
            created = false;
            device.Update(address, language, command.AppVersion, command.Subject, now);
            if (topics is not null)
            {
                device.ReplaceTopics(topics, now);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        // A repeated request with the key that created the device answers as the first one did.
        var asCreated = created || (command.IdempotencyKey is not null && device.CreationKey == command.IdempotencyKey);
        return new DeviceRegistration(asCreated, DeviceViews.Registration(device, secrets.Issue(device.Id)));
    }

    /// <summary>The key without padding, as browsers give it, so that equal keys are stored equally.</summary>
    private static string? Normalize(string? key) => VapidKeys.Decode(key) is { } bytes ? System.Buffers.Text.Base64Url.EncodeToString(bytes) : null;
}
