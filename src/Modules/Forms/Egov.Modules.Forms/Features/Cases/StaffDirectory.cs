using System.Collections.Concurrent;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.Modules.Forms.Features.Cases;

/// <summary>
/// Keeps <see cref="StaffMember"/> rows up to date from the tokens of staff who use the case API,
/// so colleagues can be found for assignment. Writes at most once an hour per person (or when
/// their name or departments change); the last write per subject is remembered in memory (a singleton).
/// </summary>
internal sealed class StaffDirectory(IServiceScopeFactory scopes, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (string Fingerprint, DateTimeOffset At)> Seen = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="caseworker"/> as known staff (in its own transaction).</summary>
    public async Task TouchAsync(Caseworker caseworker, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var fingerprint = $"{caseworker.Name}\n{string.Join(',', caseworker.Departments)}";
        if (Seen.TryGetValue(caseworker.Subject, out var last) && last.Fingerprint == fingerprint && now - last.At < TimeSpan.FromHours(1))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
        var member = await db.StaffMembers.FindAsync([caseworker.Subject], cancellationToken);
        if (member is null)
        {
            member = StaffMember.Create(caseworker.Subject);
            db.StaffMembers.Add(member);
        }

        if (member.Update(caseworker.Name, caseworker.Departments, canHandleCases: true, now))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Two first requests of the same person at once: the other one wrote the row.
            }
        }

        Seen[caseworker.Subject] = (fingerprint, now);
    }
}
