using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using Egov.Host.ErrorHandling;
using Egov.SharedKernel.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Egov.Host.Identity.Sessions;

/// <summary>
/// The cookie handler's session store: tickets live in <c>identity.user_sessions</c>, the cookie
/// carries only the key. Logout (<c>/account/logout</c>) and an administrator
/// (<c>DELETE /api/v1/admin/sessions</c>) delete rows, and a copied cookie then authenticates
/// nobody. Sliding expiry by <c>Identity:Web:SessionLifetime</c>, capped by
/// <c>Identity:Web:SessionAbsoluteLifetime</c> from sign-in; expired rows are deleted whenever a
/// new session is stored. When the database is away, the session reads as absent for this request
/// and <see cref="SessionStoreOutage"/> answers 503 (instead of treating the visitor as anonymous).
/// </summary>
internal sealed class DatabaseTicketStore(
    IServiceScopeFactory scopes, IDataProtectionProvider dataProtection, TimeProvider time, IOptions<IdentitySettings> settings)
    : ITicketStore
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("Egov.Host.Identity.Sessions.v1");

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var now = time.GetUtcNow();
        var web = settings.Value.Web;
        var absolute = now + web.SessionAbsoluteLifetime;
        var session = new UserSession
        {
            Id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)),
            Subject = ticket.Principal.FindFirstValue(EgovClaimTypes.Subject) ?? "",
            Ticket = Protect(ticket),
            CreatedAt = now,
            ExpiresAt = Earliest(ticket.Properties.ExpiresUtc ?? now + web.SessionLifetime, absolute),
            AbsoluteExpiresAt = absolute,
        };

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EgovIdentityDbContext>();
        await db.Sessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EgovIdentityDbContext>();

        // A session ended meanwhile (logout elsewhere, an administrator) stays ended: no row, no renewal.
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == key, cancellationToken);
        if (session is null)
        {
            return;
        }

        session.Ticket = Protect(ticket);
        session.ExpiresAt = Earliest(ticket.Properties.ExpiresUtc ?? time.GetUtcNow() + settings.Value.Web.SessionLifetime, session.AbsoluteExpiresAt);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => ReadAsync(key, null, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) =>
        ReadAsync(key, null, cancellationToken);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) =>
        ReadAsync(key, httpContext, cancellationToken);

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EgovIdentityDbContext>();
        await db.Sessions.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Ends every session of <paramref name="subject"/>; returns how many there were.</summary>
    public async Task<int> RemoveAllAsync(string subject, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EgovIdentityDbContext>();
        return await db.Sessions.Where(s => s.Subject == subject).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<AuthenticationTicket?> ReadAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        UserSession? session;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EgovIdentityDbContext>();
            session = await db.Sessions.AsNoTracking()
                .SingleOrDefaultAsync(s => s.Id == key && s.ExpiresAt > now && s.AbsoluteExpiresAt > now, cancellationToken);
        }
        catch (Exception ex) when (httpContext is not null && DatabaseFailures.IsTransient(ex))
        {
            // The cookie handler caches this result for the request; thrown here, it would also fail
            // the error page that is re-executed for it. SessionStoreOutage turns it into a 503.
            SessionStoreOutage.Record(httpContext, ex);
            return null;
        }

        if (session is null)
        {
            return null;
        }

        AuthenticationTicket? ticket;
        try
        {
            ticket = TicketSerializer.Default.Deserialize(_protector.Unprotect(session.Ticket));
        }
        catch (CryptographicException)
        {
            // Its key is gone from the key ring: the session cannot be read and ends.
            return null;
        }

        if (ticket is not null)
        {
            ticket.Properties.ExpiresUtc = Earliest(ticket.Properties.ExpiresUtc ?? session.ExpiresAt, session.AbsoluteExpiresAt);
        }

        return ticket;
    }

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
