using System.Text.Json;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Catalog;
using Egov.Modules.Forms.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Egov.Modules.Forms.Seed;

/// <summary>
/// Creates and publishes the built-in forms (embedded <c>Seed/*.json</c>) when their key is not in
/// the catalog yet. Existing forms are left alone: administrators own them after the first start.
/// </summary>
internal sealed partial class FormSeeder(IServiceScopeFactory scopeFactory, TimeProvider time, ILogger<FormSeeder> logger) : IHostedService
{
    private const string ResourcePrefix = "Egov.Modules.Forms.Seed.";

    private static readonly JsonSerializerOptions SeedJson = new(JsonSerializerDefaults.Web);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The host starts its services side by side but runs each one's synchronous beginning in turn:
        // yielding first lets this seeding run beside the others and the web server (issue 17).
        await Task.Yield();
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
        var validator = new FormDocumentValidator();
        foreach (var document in LoadDocuments())
        {
            if (await db.FormDefinitions.AnyAsync(f => f.Key == document.Key, cancellationToken))
            {
                continue;
            }

            // A broken seed file is a defect of this build: fail loudly at startup.
            validator.ValidateAndThrow(document);
            var now = time.GetUtcNow();
            var form = FormDefinition.Create(document.Key!, document.ToContent(), now);
            form.Publish(1, now);
            db.FormDefinitions.Add(form);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                LogSeeded(document.Key!);
            }
            catch (DbUpdateException)
            {
                // Another instance seeded the same form at the same moment.
                db.ChangeTracker.Clear();
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The built-in form documents, in key order.</summary>
    public static IReadOnlyList<FormDocument> LoadDocuments()
    {
        var assembly = typeof(FormSeeder).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                return JsonSerializer.Deserialize<FormDocument>(stream, SeedJson)
                    ?? throw new InvalidOperationException($"Seed form {name} is empty.");
            })];
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Seeded and published form {Key}")]
    private partial void LogSeeded(string key);
}
