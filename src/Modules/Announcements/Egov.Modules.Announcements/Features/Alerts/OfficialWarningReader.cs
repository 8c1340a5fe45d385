using System.Text.Json;
using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Engines.Cap;
using Egov.Modules.Announcements.Features.Authoring;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Announcements.Features.Alerts;

/// <summary>
/// Reads the federal warning API's dashboard (BBK, NINA / warnung.bund.de: <c>GET dashboard/{ARS}.json</c>, a
/// JSON array of the warnings in force for a district, each with its <c>id</c>) for the city's regional keys,
/// fetches each warning not handled before (<c>GET warnings/{id}.json</c>, the JSON form of CAP read by
/// <see cref="BbkWarningReader"/>) and imports it through <see cref="AlertImporter"/>: Update and Cancel link to
/// the alerts imported from the warnings they reference; <see cref="WarningReaderOptions.Rules"/> decide per
/// source and severity whether it is re-issued at once or drafted for the crisis team.
/// </summary>
/// <remarks>
/// Never twice, also across host instances: each warning is imported in one transaction together with its
/// <see cref="WarningImport"/> row, whose primary key is the warning's identifier; a second instance's insert
/// fails and its alert is rolled back with it.
/// </remarks>
internal sealed partial class OfficialWarningReader(
    IServiceScopeFactory scopes, IHttpClientFactory http, TimeProvider time,
    IOptions<WarningReaderOptions> options, IOptions<AnnouncementOptions> announcementOptions, ILogger<OfficialWarningReader> logger) : BackgroundService
{
    /// <summary>Name of the HTTP client (<see cref="IHttpClientFactory"/>) used for the warning API.</summary>
    public const string HttpClientName = "Egov.WarningReader";

    /// <summary>The author of what the reader imports, a CrisisManager so that a rule's "publish" is a break-glass release reviewed afterwards.</summary>
    public static readonly ContentActor Actor = new("system:warning-reader", "Warnungsimport (Bundes-Warn-API)", IsEditor: true, IsApprover: false, IsCrisisManager: true);

    /// <summary>One run over all regional keys; returns the warnings this run imported (published, drafted or skipped).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = http.CreateClient(HttpClientName);
        var identifiers = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var key in settings.RegionalKeys)
        {
            identifiers.UnionWith(await DashboardAsync(client, settings, key, cancellationToken));
        }

        HashSet<string> known;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>();
            var wanted = identifiers.ToList();
            known = [.. await db.WarningImports.AsNoTracking().Where(w => wanted.Contains(w.Identifier)).Select(w => w.Identifier).ToListAsync(cancellationToken)];
        }

        var fresh = new List<(string Identifier, CapAlert? Alert, string? Problem)>();
        foreach (var identifier in identifiers.Where(i => !known.Contains(i)))
        {
            try
            {
                fresh.Add(await WarningAsync(client, settings, identifier, cancellationToken));
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Withdrawn between dashboard and detail, or the API is slow: the next run asks again.
                LogWarningUnavailable(logger, identifier, ex);
            }
        }

        var imported = 0;
        // Oldest first, so an original is imported before the Update or Cancel that references it.
        foreach (var (identifier, alert, problem) in fresh.OrderBy(f => f.Alert?.Sent ?? DateTimeOffset.MaxValue))
        {
            try
            {
                if (await ImportAsync(identifier, alert, problem, cancellationToken))
                {
                    imported++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One warning that cannot be stored must not hold back the others; it is tried again next run.
                LogImportFailed(logger, identifier, ex);
            }
        }

        return imported;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogRunFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<bool> ImportAsync(string identifier, CapAlert? cap, string? problem, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>();
        var now = time.GetUtcNow();
        var source = WarningSources.Of(identifier, cap?.Sender ?? "");
        WarningImport record;
        if (cap is null)
        {
            record = WarningImport.Of(identifier, source, WarningImportOutcome.Skipped, null, problem, now);
        }
        else
        {
            try
            {
                var announcement = await AlertImporter.DraftAsync(db, cap, Actor, announcementOptions.Value, now, cancellationToken);
                var (outcome, note) = await ReleaseAsync(db, announcement, cap, source, now, cancellationToken);
                record = WarningImport.Of(identifier, source, outcome, announcement.Id, note, now);
            }
            catch (DomainRuleException refused)
            {
                record = WarningImport.Of(identifier, source, WarningImportOutcome.Skipped, null, refused.Message, now);
            }
        }

        db.WarningImports.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await HandledElsewhereAsync(identifier, cancellationToken))
            {
                throw;
            }

            // Another instance imported it between our look-up and our insert; its import stands, ours is rolled back whole.
            LogImportedElsewhere(logger, identifier);
            return false;
        }

        LogImported(logger, identifier, source, record.Outcome, record.AnnouncementId);
        return true;
    }

    /// <summary>
    /// Publishes when a rule says so, or when the warning updates or cancels an alert already published (the all-clear
    /// follows the warning it ends, whatever its own severity); a CAP rule that refuses the release leaves a draft.
    /// </summary>
    private async Task<(WarningImportOutcome Outcome, string? Note)> ReleaseAsync(
        AnnouncementsDbContext db, Announcement announcement, CapAlert cap, string source, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var references = announcement.Content.Alert!.References.ToList();
        var followsPublished = references.Count > 0
            && await db.Announcements.AnyAsync(a => references.Contains(a.Id) && a.Status == AnnouncementStatus.Published, cancellationToken);
        var severity = Enum.Parse<CapSeverity>(announcement.Content.Alert.Severity);
        if (!followsPublished && WarningSources.Decide(options.Value.Rules, source, severity) != WarningAction.Publish)
        {
            return (WarningImportOutcome.Drafted, null);
        }

        try
        {
            await AlertRules.PublishNowAsync(db, announcement, Actor, now, cancellationToken);
            return (WarningImportOutcome.Published, null);
        }
        catch (RequestValidationException refused)
        {
            return (WarningImportOutcome.Drafted, $"Not published ({cap.MessageType}): " + string.Join(" ", refused.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))));
        }
    }

    private async Task<bool> HandledElsewhereAsync(string identifier, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>().WarningImports.AnyAsync(w => w.Identifier == identifier, cancellationToken);
    }

    private async Task<IReadOnlyList<string>> DashboardAsync(HttpClient client, WarningReaderOptions settings, string regionalKey, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.RequestTimeout);
        using var response = await client.GetAsync(new Uri(settings.BaseAddress, $"dashboard/{Uri.EscapeDataString(regionalKey)}.json"), timeout.Token);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        using var document = await JsonDocument.ParseAsync(body, new JsonDocumentOptions { MaxDepth = 32 }, timeout.Token);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            LogBadDashboard(logger, regionalKey);
            return [];
        }

        return [.. document.RootElement.EnumerateArray()
            .Select(item => item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null)
            .OfType<string>()
            .Where(id => id.Length is > 0 and <= 300)];
    }

    private static async Task<(string Identifier, CapAlert? Alert, string? Problem)> WarningAsync(HttpClient client, WarningReaderOptions settings, string identifier, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.RequestTimeout);
        using var response = await client.GetAsync(new Uri(settings.BaseAddress, $"warnings/{Uri.EscapeDataString(identifier)}.json"), timeout.Token);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, timeout.Token);
        buffer.Position = 0;
        var read = BbkWarningReader.Read(buffer);
        return read.IsAccepted && read.Alert is { } alert && alert.Identifier == identifier
            ? (identifier, alert, null)
            : (identifier, null, "Refused: " + string.Join("; ", read.Problems.Select(p => $"{p.Path} {p.Message}").DefaultIfEmpty("the warning's identifier differs from the dashboard's")));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Official warning {Identifier} from {Source}: {Outcome} (alert {AnnouncementId})")]
    private static partial void LogImported(ILogger logger, string identifier, string source, WarningImportOutcome outcome, Guid? announcementId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Official warning {Identifier} was imported by another instance at the same time; this instance's import is rolled back")]
    private static partial void LogImportedElsewhere(ILogger logger, string identifier);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The warning dashboard for {RegionalKey} is not a JSON array; nothing read from it")]
    private static partial void LogBadDashboard(ILogger logger, string regionalKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Official warning {Identifier} could not be fetched; the next run asks again")]
    private static partial void LogWarningUnavailable(ILogger logger, string identifier, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Official warning {Identifier} could not be imported; the next run tries again")]
    private static partial void LogImportFailed(ILogger logger, string identifier, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Official warning reader run failed; it tries again at the next tick")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
