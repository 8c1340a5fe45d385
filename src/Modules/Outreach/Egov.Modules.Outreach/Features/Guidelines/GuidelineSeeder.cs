using Egov.Modules.Outreach.Domain.Guidelines;
using Egov.Modules.Outreach.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Egov.Modules.Outreach.Features.Guidelines;

/// <summary>
/// Publishes a template of the guidelines as version 1 when none exist, so that a new installation
/// can be tried at once. The city replaces it with its own text (version 2 onwards).
/// </summary>
internal sealed class GuidelineSeeder(IServiceScopeFactory scopeFactory, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The host starts its services side by side but runs each one's synchronous beginning in turn:
        // yielding first lets this seeding run beside the others and the web server (issue 17).
        await Task.Yield();
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutreachDbContext>();
        if (await db.Guidelines.AnyAsync(cancellationToken))
        {
            return;
        }

        using var stream = typeof(GuidelineSeeder).Assembly.GetManifestResourceStream("Egov.Modules.Outreach.Features.Guidelines.guidelines-template.md")
            ?? throw new InvalidOperationException("The guidelines template is missing from the build.");
        using var reader = new StreamReader(stream);
        db.Guidelines.Add(Guideline.Publish(1, "Social-Media-Leitlinien (Vorlage)", await reader.ReadToEndAsync(cancellationToken),
            "Vorlage bei der Installation; bitte durch die Leitlinien der Stadt ersetzen.", "system", "Egov", time.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance seeded at the same moment.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
