using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.HttpOverrides;

namespace Egov.Host.Hosting;

/// <summary>
/// Egov behind a TLS-terminating reverse proxy: the original scheme (<c>X-Forwarded-Proto</c>) and
/// client address (<c>X-Forwarded-For</c>) are taken from the proxy's headers, but only from a proxy
/// Egov trusts: the loopback addresses always (a proxy on the same machine), plus the addresses and
/// networks in <c>Egov:ReverseProxy</c>. Without the scheme, Secure cookies, the antiforgery token and
/// the OIDC redirect address would fail or point to <c>http://</c>. <c>X-Forwarded-Host</c> is not
/// used: the public address is <c>Egov:PublicBaseAddress</c>.
/// </summary>
internal static class ReverseProxyExtensions
{
    /// <summary>Configuration section with <c>KnownProxies</c> (IP addresses) and <c>KnownNetworks</c> (CIDR, e.g. <c>10.0.0.0/8</c>).</summary>
    public const string SectionName = "Egov:ReverseProxy";

    /// <summary>Reads and checks the trusted proxies; a value that is not an address or CIDR network stops the start with its key and value.</summary>
    /// <exception cref="InvalidOperationException">A configured value does not parse.</exception>
    public static IServiceCollection AddEgovReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var proxies = Parse(section.GetSection("KnownProxies"), v => IPAddress.TryParse(v, out var a) ? a : null, "an IP address such as 10.0.0.5");
        var networks = Parse(section.GetSection("KnownNetworks"), v => System.Net.IPNetwork.TryParse(v, out var n) ? new StrongBox<System.Net.IPNetwork>(n) : null, "a CIDR network such as 10.0.0.0/8");

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // The defaults (loopback) stay; configured ones are added.
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network.Value);
            }
        });
        return services;
    }

    private static List<T> Parse<T>(IConfigurationSection section, Func<string, T?> parse, string expected)
        where T : class
    {
        var values = new List<T>();
        foreach (var child in section.GetChildren())
        {
            var value = child.Value is null ? null : parse(child.Value.Trim());
            values.Add(value ?? throw new InvalidOperationException($"{child.Path} = '{child.Value}' is not {expected}."));
        }

        return values;
    }
}
