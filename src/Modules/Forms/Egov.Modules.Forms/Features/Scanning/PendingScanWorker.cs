using Egov.Modules.Forms.Domain;
using Egov.SharedKernel.Scanning;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Forms.Features.Scanning;

/// <summary>
/// Rescans the uploads held as <see cref="AttachmentScanStatus.Pending"/> (the scanner was down when
/// they came) every <see cref="ScanningOptions.RescanInterval"/>: clean ones become visible to
/// staff; infected ones lose their content and stay hidden, with the signature for the applicant.
/// Claims with a lease (<see cref="LeaseClaim"/>), so any number of host instances may run it.
/// Without a configured scanner it does not run, and says so once at start.
/// </summary>
internal sealed partial class PendingScanWorker : LeasedWorker<Attachment>
{
    private static readonly LeaseQuery<Attachment> Due = new(
        "attachments",
        "scan_status = 'Pending'",
        "uploaded_at, id",
        (rows, _) => rows.Where(a => a.ScanStatus == AttachmentScanStatus.Pending),
        rows => rows.OrderBy(a => a.UploadedAt).ThenBy(a => a.Id));

    private readonly IServiceScopeFactory _scopes;
    private readonly UploadScanner _scanner;
    private readonly ScanningOptions _options;
    private readonly ILogger<PendingScanWorker> _logger;

    public PendingScanWorker(
        IServiceScopeFactory scopes, UploadScanner scanner, IOptions<ScanningOptions> options, WorkSignal<PendingScanWorker> signal, TimeProvider time, ILogger<PendingScanWorker> logger)
        : base(signal, time, logger)
    {
        _scopes = scopes;
        _scanner = scanner;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override bool Enabled => _scanner.Client is not null;

    /// <inheritdoc />
    protected override int ClaimSize => 10;

    /// <inheritdoc />
    protected override TimeSpan LeaseDuration => _options.Timeout * 12;

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (_scanner.Client is { } client)
        {
            LogScanning(client.Endpoint.Display, _options.WhenUnavailable);
        }
        else
        {
            LogScanningOff();
        }

        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override TimeSpan PollInterval(WorkLane lane) => _options.RescanInterval;

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<Attachment>> ClaimAsync(WorkLane lane, int limit, Lease lease, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
        return await LeaseClaim.ClaimAsync(db, db.Schema, Due, limit, lease, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ProcessAsync(Attachment item, CancellationToken cancellationToken)
    {
        ClamdVerdict verdict;
        try
        {
            verdict = await _scanner.Client!.ScanAsync(item.Content, cancellationToken);
        }
        catch (ClamdUnavailableException ex)
        {
            // Still down: the lease runs out and a later round tries again; the file stays hidden.
            LogStillUnavailable(ex, item.Id);
            await using var retryScope = _scopes.CreateAsyncScope();
            var retryDb = retryScope.ServiceProvider.GetRequiredService<FormsDbContext>();
            var retryAt = Time.GetUtcNow() + _options.RescanInterval;
            await retryDb.Attachments.Where(a => a.Id == item.Id && a.LockOwner == Owner)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.LockedUntil, retryAt), cancellationToken);
            return;
        }

        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
        var now = Time.GetUtcNow();
        var rows = db.Attachments.Where(a => a.Id == item.Id && a.LockOwner == Owner && a.ScanStatus == AttachmentScanStatus.Pending);
        if (verdict.Infected)
        {
            LogInfected(item.Id, verdict.Signature!);
            await rows.ExecuteUpdateAsync(s => s
                .SetProperty(a => a.ScanStatus, AttachmentScanStatus.Infected)
                .SetProperty(a => a.ScanSignature, verdict.Signature)
                .SetProperty(a => a.ScannedAt, now)
                .SetProperty(a => a.Content, Array.Empty<byte>())
                .SetProperty(a => a.LockedUntil, (DateTimeOffset?)null), cancellationToken);
            return;
        }

        await rows.ExecuteUpdateAsync(s => s
            .SetProperty(a => a.ScanStatus, AttachmentScanStatus.Clean)
            .SetProperty(a => a.ScannedAt, now)
            .SetProperty(a => a.LockedUntil, (DateTimeOffset?)null), cancellationToken);
    }

    [LoggerMessage(EventId = 5210, Level = LogLevel.Information, Message = "Uploads are scanned for malware by clamd at {Endpoint}; while it is unreachable uploads are: {Mode}")]
    private partial void LogScanning(string endpoint, ScannerUnavailableMode mode);

    [LoggerMessage(EventId = 5211, Level = LogLevel.Warning, Message = "Malware scanning is OFF: Egov:Scanning:Clamd is not set (or not tcp://host:port / unix:/path), so uploads are stored unscanned. Set it in production (docs/operations.md)")]
    private partial void LogScanningOff();

    [LoggerMessage(EventId = 5212, Level = LogLevel.Warning, Message = "Rescanning held upload {AttachmentId} failed: clamd is still unreachable")]
    private partial void LogStillUnavailable(Exception exception, Guid attachmentId);

    [LoggerMessage(EventId = 5213, Level = LogLevel.Warning, Message = "Held upload {AttachmentId} is infected ({Signature}); its content was removed and it stays hidden from staff")]
    private partial void LogInfected(Guid attachmentId, string signature);
}
