using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Egov.Modules.Outreach.Features.Channels.Kinds.Bluesky;

/// <summary>
/// The Bluesky sessions of this host, one per channel, kept in memory (a singleton): a session is made with
/// <c>com.atproto.server.createSession</c> once and reused, because the PDS limits how often an account may
/// log in (30 per 5 minutes, 300 per day: https://docs.bsky.app/docs/advanced-guides/rate-limits).
/// A session made with other credentials or for another PDS than the channel's current ones is not used.
/// </summary>
internal sealed class BlueskySessions
{
    private readonly ConcurrentDictionary<Guid, BlueskySession> _sessions = new();

    public BlueskySession? Find(ChannelEndpoint channel, string fingerprint) =>
        _sessions.TryGetValue(channel.ChannelId, out var session) && session.CredentialFingerprint == fingerprint ? session : null;

    public void Keep(ChannelEndpoint channel, BlueskySession session) => _sessions[channel.ChannelId] = session;

    public void Forget(ChannelEndpoint channel) => _sessions.TryRemove(channel.ChannelId, out _);

    /// <summary>A hash of what a session was made with: PDS, identifier and app password (so this cache holds no password).</summary>
    public static string Fingerprint(string pds, string identifier, string appPassword) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{pds}\n{identifier}\n{appPassword}")));
}

/// <summary>An AT Protocol session: the account's DID and handle, and its access and refresh tokens (JWTs).</summary>
internal sealed record BlueskySession(string Did, string? Handle, string AccessJwt, string RefreshJwt, string CredentialFingerprint);
