using System.Net;
using System.Net.Sockets;

namespace Egov.SharedKernel.Scanning;

/// <summary>
/// Where clamd listens: <c>tcp://host:port</c> (clamd.conf <c>TCPSocket</c>/<c>TCPAddr</c>) or
/// <c>unix:/path/to/clamd.ctl</c> (clamd.conf <c>LocalSocket</c>; Debian's default is
/// <c>/run/clamav/clamd.ctl</c>).
/// </summary>
public sealed record ClamdEndpoint(EndPoint Address, string Display)
{
    /// <summary>Reads an endpoint; <see langword="false"/> for anything but the two forms above.</summary>
    public static bool TryParse(string? value, out ClamdEndpoint? endpoint)
    {
        endpoint = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        if (value.StartsWith("unix:", StringComparison.Ordinal))
        {
            var path = value["unix:".Length..];
            if (path.StartsWith("//", StringComparison.Ordinal))
            {
                path = path[2..];
            }

            if (!path.StartsWith('/'))
            {
                return false;
            }

            endpoint = new ClamdEndpoint(new UnixDomainSocketEndPoint(path), $"unix:{path}");
            return true;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == "tcp" && uri.Port > 0 && uri.AbsolutePath is "/" or "")
        {
            EndPoint address = IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip)
                ? new IPEndPoint(ip, uri.Port)
                : new DnsEndPoint(uri.Host, uri.Port);
            endpoint = new ClamdEndpoint(address, $"tcp://{uri.Authority}");
            return true;
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Display;
}
