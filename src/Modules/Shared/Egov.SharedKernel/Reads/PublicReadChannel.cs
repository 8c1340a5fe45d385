using Egov.SharedKernel.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Egov.SharedKernel.Reads;

/// <summary>
/// Carries read-region invalidations between host instances on one PostgreSQL database with
/// <c>LISTEN/NOTIFY</c> on the channel <c>egov_public_reads</c> (ADR 0015). A committed change is
/// invalidated here at once and announced to the others; a notification from another instance
/// invalidates here. While the listening connection is down, the cache is not used at all (every
/// read goes to the database) and everything cached is dropped, again when it is back, since
/// changes made meanwhile were not heard. On the zero-setup SQLite database there is one instance
/// only and invalidation stays in the process.
/// </summary>
public sealed partial class PublicReadChannel : BackgroundService
{
    /// <summary>The PostgreSQL notification channel.</summary>
    public const string ChannelName = "egov_public_reads";

    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly PublicReadGenerations _generations;
    private readonly PublicReadOptions _options;
    private readonly ILogger<PublicReadChannel> _logger;
    private readonly string? _connectionString;
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly Lazy<NpgsqlDataSource>? _sender;

    /// <summary>Creates the channel; on PostgreSQL the cache stays off until the channel listens.</summary>
    public PublicReadChannel(PublicReadGenerations generations, IConfiguration configuration, IOptions<PublicReadOptions> options, ILogger<PublicReadChannel> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _generations = generations;
        _options = options.Value;
        _logger = logger;
        _connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(_connectionString))
        {
            _generations.InvalidateAll(cachingAllowed: false);
            _sender = new Lazy<NpgsqlDataSource>(() => NpgsqlDataSource.Create(_connectionString));
        }
    }

    /// <summary>Whether this instance currently hears the other instances' changes (always true on SQLite).</summary>
    public bool Listening => _generations.CachingAllowed;

    /// <summary>
    /// Invalidates <paramref name="regions"/> here and tells the other instances. Call only after
    /// the change is committed. Never throws: the change is stored whatever happens to its
    /// announcement; a failed notification is logged (other instances then keep the old answers
    /// until their next change or <see cref="PublicReadOptions.MaxAge"/>).
    /// </summary>
    public async Task PublishAsync(IReadOnlyCollection<string> regions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(regions);
        _generations.Invalidate(regions, "local");
        if (_sender is null)
        {
            return;
        }

        try
        {
            await using var command = _sender.Value.CreateCommand("SELECT pg_notify($1, $2)");
            command.Parameters.Add(new NpgsqlParameter { Value = ChannelName });
            command.Parameters.Add(new NpgsqlParameter { Value = $"{_instance}|{string.Join(',', regions)}" });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
#pragma warning disable CA1031 // The change is committed; its caller must not see an error for it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogNotifyFailed(_logger, exception, string.Join(',', regions));
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(_connectionString))
        {
            return;
        }

        var delay = _options.ChannelRetryDelay;
        var failedBefore = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false, ApplicationName = "egov-read-invalidation" };
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                connection.Notification += (_, e) => OnNotification(e.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Listening from here on: what changed before is not known, so start from nothing.
                _generations.InvalidateAll(cachingAllowed: true);
                if (failedBefore)
                {
                    LogListeningAgain(_logger);
                }

                failedBefore = false;
                delay = _options.ChannelRetryDelay;
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(KeepAliveInterval, stoppingToken))
                    {
                        // Nothing heard for a while: make sure the connection is still there.
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Any failure of the listening connection means: not listening; try again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                _generations.InvalidateAll(cachingAllowed: false);
                if (!failedBefore)
                {
                    LogListeningFailed(_logger, exception);
                }

                failedBefore = true;
            }

            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        if (_sender is { IsValueCreated: true })
        {
            _sender.Value.Dispose();
        }

        base.Dispose();
    }

    private void OnNotification(string payload)
    {
        var bar = payload.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0 || payload.AsSpan(0, bar).SequenceEqual(_instance))
        {
            return;
        }

        _generations.Invalidate(payload[(bar + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries), "remote");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not announce changed read regions {Regions} to other instances; they keep their cached answers until their next change")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, string regions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not listening for read invalidations of other instances; public reads go to the database until it is back")]
    private static partial void LogListeningFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for read invalidations again; public reads are cached again")]
    private static partial void LogListeningAgain(ILogger logger);
}
