using System.Collections.Concurrent;
using Lib.Net.Http.WebPush.Authentication;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>
/// Keeps one VAPID JWT per audience (push service origin) until shortly before it expires, so a
/// fan-out to thousands of subscriptions of one push service signs once, not once per push.
/// </summary>
internal sealed class VapidTokenCache(TimeProvider time) : IVapidTokenCache
{
    /// <summary>A token is not handed out in its last minutes, so that it cannot expire in flight.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Expiration)> _tokens = new(StringComparer.Ordinal);

    public string? Get(string audience) =>
        _tokens.TryGetValue(audience, out var entry) && entry.Expiration - Margin > time.GetUtcNow() ? entry.Token : null;

    public void Put(string audience, DateTimeOffset expiration, string token) => _tokens[audience] = (token, expiration);
}
