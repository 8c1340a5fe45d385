namespace Egov.Host.Identity.Sessions;

/// <summary>
/// A browser session kept on the server (table <c>identity.user_sessions</c>): the browser's
/// <c>.Egov.Session</c> cookie holds only the <see cref="Id"/>, so deleting the row ends the session
/// everywhere, whoever holds a copy of the cookie.
/// </summary>
internal sealed class UserSession
{
    /// <summary>Random key (256 bits, base64url), named in the session cookie.</summary>
    public required string Id { get; init; }

    /// <summary>The user's <c>sub</c> (normalised claim), to end all sessions of one user.</summary>
    public required string Subject { get; init; }

    /// <summary>The authentication ticket (<c>TicketSerializer</c>), protected with Data Protection.</summary>
    public required byte[] Ticket { get; set; }

    /// <summary>When the user signed in (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Sliding end (UTC): moved on while the session is used, never past <see cref="AbsoluteExpiresAt"/>.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Hard end (UTC): sign-in time plus <c>Identity:Web:SessionAbsoluteLifetime</c>, however busy the session.</summary>
    public DateTimeOffset AbsoluteExpiresAt { get; init; }
}
