using Egov.Modules.Outreach.Domain.Channels;
using Egov.Modules.Outreach.Engines.TextRules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.Modules.Outreach.Features.Channels.Kinds;

/// <summary>
/// Everything the module knows about one kind of channel besides speaking its protocol (that is the
/// adapter, <see cref="AdapterType"/>): its name on the wire, its names for people, its limits, its
/// credentials and the rules for its address and account, the fields the staff page shows, and how its
/// services are registered. The channel registry, the checks, the delivery engine, the official-channel
/// register and the staff pages iterate the registered descriptors (<see cref="ChannelKinds"/>) and never
/// switch on a kind's name; a new kind is one folder <c>Features/Channels/Kinds/&lt;Kind&gt;/</c> (ADR 0021).
/// </summary>
internal abstract class ChannelKind
{
    /// <summary>The kind's name in JSON and in the database (<c>channels.kind</c>), e.g. <c>mastodon</c>; never changes once used.</summary>
    public abstract string Name { get; }

    /// <summary>The platform's name for German readers, e.g. <c>Mastodon</c> or <c>Stadt-App (Push-Nachrichten)</c>.</summary>
    public abstract string DisplayNameDe { get; }

    /// <summary>The platform's name for English readers.</summary>
    public abstract string DisplayNameEn { get; }

    /// <summary>Where the kind is listed among the others (error messages, the staff page's choice); lower first.</summary>
    public virtual int Order => int.MaxValue;

    /// <summary>The <see cref="IChannelAdapter"/> that delivers to this kind.</summary>
    public abstract Type AdapterType { get; }

    /// <summary>
    /// The platform's documented limits, stored with a new channel (<c>limits.source = platform</c>); null where
    /// the platform states them per account and an <see cref="IPlatformLimitsReader"/> of this kind reads them
    /// (<see cref="ReadsLimitsFromPlatform"/>).
    /// </summary>
    public abstract ChannelCapabilities? DocumentedCapabilities { get; }

    /// <summary>True where the limits are read from the platform, on creation, on an address change and when they grow old.</summary>
    public bool ReadsLimitsFromPlatform => DocumentedCapabilities is null;

    /// <summary>The credential members a channel of this kind needs, names as in the platform's documentation; empty for none.</summary>
    public virtual IReadOnlyList<string> CredentialKeys => [];

    /// <summary>The address stored when none is given (Bluesky: <c>https://bsky.social</c>), else null.</summary>
    public virtual string? DefaultAddress => null;

    /// <summary>Whether people follow it as a voice of the city, so the official-channel register (<c>/kanaele</c>) lists it.</summary>
    public virtual bool IsPublicVoice => true;

    /// <summary>What the staff page says to put in the address field for this kind; null where the kind has no address.</summary>
    public virtual ChannelFieldHint? AddressHint => null;

    /// <summary>What the staff page says to put in the account field for this kind; null where the kind has no account.</summary>
    public virtual ChannelFieldHint? AccountHint => null;

    /// <summary>The account's public profile page, or null where there is none or the address is malformed.</summary>
    public virtual Uri? ProfileUrl(string? address, string? account) => null;

    /// <summary>
    /// Adds a failure (field name as in the JSON, e.g. <c>address</c> or <c>credentials.secret</c>, and a message)
    /// for every rule of this kind that <paramref name="input"/> breaks: address, account and credential shapes.
    /// The kind-independent rules (name, owning unit, unknown or missing credential members) are checked elsewhere.
    /// </summary>
    public virtual void Validate(ChannelInput input, Action<string, string> fail)
    {
    }

    /// <summary>
    /// <paramref name="limits"/> with this kind's documented image limits where they carry none (limits stored
    /// before image limits were recorded).
    /// </summary>
    public virtual ChannelLimits WithImageLimits(ChannelLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return limits.MaxImageBytes is not null || limits.ImageTypes is not null || DocumentedCapabilities is not { } documented
            ? limits
            : limits with { MaxImageBytes = documented.MaxImageBytes, ImageTypes = documented.ImageTypes };
    }

    /// <summary>The documented limits as stored with a channel.</summary>
    /// <exception cref="InvalidOperationException">The kind reads its limits from the platform.</exception>
    public ChannelLimits DocumentedLimits() =>
        ChannelLimitsMapping.From(
            DocumentedCapabilities ?? throw new InvalidOperationException($"A {Name} channel's limits are read from the platform."),
            "platform",
            null);

    /// <summary>
    /// Registers the kind's adapter as <see cref="IChannelAdapter"/>, and whatever else it needs (options, caches,
    /// an <see cref="IPlatformLimitsReader"/>). Called once per kind by <see cref="ChannelKindRegistration.AddChannelKind"/>.
    /// </summary>
    public abstract void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>True where <paramref name="value"/> is an absolute http(s) URL without query, fragment or user info (http is refused later unless on loopback and allowed).</summary>
    public static bool IsAbsoluteHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo);

    /// <summary>The message for a field a kind requires, worded as FluentValidation's <c>NotEmpty</c>.</summary>
    protected static string Required(string label) => $"'{label}' must not be empty.";
}

/// <summary>A channel kind whose adapter is <typeparamref name="TAdapter"/>, sent through a typed HttpClient with <see cref="DeliveryResilience"/>.</summary>
internal abstract class ChannelKind<TAdapter> : ChannelKind
    where TAdapter : class, IChannelAdapter
{
    /// <inheritdoc />
    public sealed override Type AdapterType => typeof(TAdapter);

    /// <summary>
    /// Registers <typeparamref name="TAdapter"/> with a typed HttpClient (IHttpClientFactory) and the delivery
    /// resilience pipeline named <c>outreach-{Name}</c>, and as a transient <see cref="IChannelAdapter"/>.
    /// </summary>
    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        ConfigureHttpClient(services.AddHttpClient<TAdapter>(ChannelKindRegistration.ConfigureClient))
            .AddDeliveryResilience("outreach-" + Name);
        services.AddTransient<IChannelAdapter>(provider => provider.GetRequiredService<TAdapter>());
    }

    /// <summary>Adjusts the adapter's HttpClient before the resilience pipeline is added (e.g. no request logging).</summary>
    protected virtual IHttpClientBuilder ConfigureHttpClient(IHttpClientBuilder client) => client;
}

/// <summary>A hint for one field of the staff page's channel form, in German and English.</summary>
internal sealed record ChannelFieldHint(string German, string English);

/// <summary>Reads a channel's limits from its platform (Mastodon: the instance document).</summary>
internal interface IPlatformLimitsReader
{
    /// <summary>The kind served, a <see cref="ChannelKind.Name"/>.</summary>
    string Kind { get; }

    /// <summary>The limits the platform at <paramref name="address"/> states now, with <c>source = instance</c> and the time read.</summary>
    /// <exception cref="PlatformUnavailableException">The platform did not answer, answered with an error, or without the limits.</exception>
    Task<ChannelLimits> ReadLimitsAsync(Uri address, CancellationToken cancellationToken);
}
