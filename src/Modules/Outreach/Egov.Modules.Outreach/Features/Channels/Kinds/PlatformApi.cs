using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Channels.Kinds;

/// <summary>
/// Where a platform's API is, per kind (named options, name = <see cref="ChannelKind.Name"/>), section
/// <c>Egov:Outreach:Platforms:{kind}</c>, e.g. <c>Egov:Outreach:Platforms:facebook:ApiBaseAddress</c>; validated at startup.
/// </summary>
internal sealed class PlatformApiOptions
{
    /// <summary>The configuration section of <paramref name="kind"/>.</summary>
    public static string Section(string kind) => "Egov:Outreach:Platforms:" + kind;

    /// <summary>
    /// Base address of the API, versioned where the platform versions its paths (Graph API:
    /// <c>https://graph.facebook.com/v23.0</c>); an https:// URL, or http:// on a loopback address (tests' fakes).
    /// </summary>
    public Uri ApiBaseAddress { get; set; } = null!;

    /// <summary>The API version a platform wants in a header (LinkedIn's <c>LinkedIn-Version</c>, <c>YYYYMM</c>), or null.</summary>
    public string? Version { get; set; }

    public static bool IsValid(PlatformApiOptions options) =>
        options.ApiBaseAddress is { IsAbsoluteUri: true } address
        && (address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && address.IsLoopback));
}

/// <summary>Registers and resolves <see cref="PlatformApiOptions"/>.</summary>
internal static class PlatformApi
{
    /// <summary>Registers <paramref name="kind"/>'s API address, <paramref name="defaultAddress"/> unless configured.</summary>
    public static void AddApiBaseAddress(this IServiceCollection services, IConfiguration configuration, string kind, Uri defaultAddress, string? defaultVersion = null)
    {
        var section = PlatformApiOptions.Section(kind);
        services.AddOptions<PlatformApiOptions>(kind)
            .Configure(options => (options.ApiBaseAddress, options.Version) = (defaultAddress, defaultVersion))
            .Bind(configuration.GetSection(section))
            .Validate(PlatformApiOptions.IsValid, $"{section}:ApiBaseAddress must be an absolute https:// URL (http:// only on a loopback address).")
            .ValidateOnStart();
    }

    /// <summary><paramref name="kind"/>'s API address with <paramref name="path"/> (starting with <c>/</c>) appended; its own path is kept.</summary>
    public static Uri Url(this IOptionsMonitor<PlatformApiOptions> options, string kind, string path) =>
        new(options.Get(kind).ApiBaseAddress.AbsoluteUri.TrimEnd('/') + path);
}
