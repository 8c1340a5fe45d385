using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DotNet.Testcontainers.Configurations;
using Npgsql;
using Testcontainers.PostgreSql;

namespace Egov.Testing;

/// <summary>
/// One real PostgreSQL server per test process, found or started the first time a test asks:
/// <list type="number">
/// <item>the connection string in the environment variable <c>EGOV_TEST_POSTGRES</c> (a role that may create databases);</item>
/// <item>a Testcontainers PostgreSQL container, when a Docker engine answers;</item>
/// <item>a throwaway cluster from the local PostgreSQL binaries (<c>PG_BIN</c>, else the newest
/// <c>/usr/lib/postgresql/*/bin</c>, else <c>PATH</c>): initdb + pg_ctl on 127.0.0.1 with fsync off,
/// run as user <c>postgres</c> when the tests run as root (PostgreSQL refuses root);</item>
/// <item>otherwise it fails with a message that says how to provide one. No test is skipped silently.</item>
/// </list>
/// Each test class gets a database of its own from <see cref="CreateDatabaseAsync"/>. A test that
/// takes the server down (<see cref="StopAsync"/>, <see cref="StartAgainAsync"/>) starts a server of
/// its own with <see cref="StartDedicatedAsync"/>, so other test classes keep theirs.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string EnvironmentVariable = "EGOV_TEST_POSTGRES";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresServer? _instance;

    private readonly Func<ValueTask> _dispose;
    private readonly Func<Task>? _stop;
    private readonly Func<Task>? _start;
    private int _databaseCounter;

    private PostgresServer(string connectionString, string source, Func<ValueTask> dispose, Func<Task>? stop = null, Func<Task>? start = null)
    {
        ConnectionString = connectionString;
        Source = source;
        _dispose = dispose;
        _stop = stop;
        _start = start;
    }

    /// <summary>Connection string of the server's maintenance database (<c>postgres</c>).</summary>
    public string ConnectionString { get; }

    /// <summary>Where the server came from: environment, Testcontainers or local cluster.</summary>
    public string Source { get; }

    /// <summary>The process-wide server, started on first use and stopped when the process exits.</summary>
    public static async Task<PostgresServer> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_instance is null)
            {
                _instance = await CreateAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => _instance.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            return _instance;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// A server for one test class only, which it may stop and start again: a local cluster, or a
    /// Testcontainers container on a fixed port. Fails when the tests use a server given by
    /// <c>EGOV_TEST_POSTGRES</c> and neither is available. Dispose it when done.
    /// </summary>
    public static async Task<PostgresServer> StartDedicatedAsync()
    {
        if (FindBinaries() is { } binaries)
        {
            return await LocalCluster.StartAsync(binaries);
        }

        if (DockerAnswers())
        {
            // A fixed host port, so the connection string stays right after a restart.
            var port = FreePort();
            var container = new PostgreSqlBuilder("postgres:16-alpine").WithPortBinding(port, 5432).Build();
            await container.StartAsync();
            var builder = new NpgsqlConnectionStringBuilder(container.GetConnectionString()) { Database = "postgres", Port = port };
            return new PostgresServer(builder.ConnectionString, "Testcontainers (dedicated)", container.DisposeAsync,
                () => container.StopAsync(), () => container.StartAsync());
        }

        throw new InvalidOperationException(
            "This test stops and restarts PostgreSQL and needs a server of its own: install the PostgreSQL server binaries " +
            "(Debian: apt-get install postgresql; or set PG_BIN) or provide a Docker engine.");
    }

    /// <summary>Stops the server as in an outage: open connections are terminated (57P01), new ones refused.</summary>
    public Task StopAsync() =>
        (_stop ?? throw new InvalidOperationException($"The shared server ({Source}) cannot be stopped; use StartDedicatedAsync.")).Invoke();

    /// <summary>Starts the stopped server again, on the same address and with its data.</summary>
    public Task StartAgainAsync() =>
        (_start ?? throw new InvalidOperationException($"The shared server ({Source}) cannot be started again; use StartDedicatedAsync.")).Invoke();

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"egov_{Sanitize(purpose)}_{Environment.ProcessId}_{Interlocked.Increment(ref _databaseCounter)}";
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// Drops the database of <paramref name="connectionString"/> on its server, ending its sessions first
    /// (<c>DROP DATABASE … WITH (FORCE)</c>, PostgreSQL 13+). A test class's database is dropped when its
    /// fixture ends, so a whole run holds only the databases of the classes running at that moment: each
    /// is a copy of <c>template1</c> (~7.5 MB) and a run makes hundreds, on a CI disk that is sometimes
    /// nearly full. Best effort: a server already stopped or gone is not an error of the test.
    /// </summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(target.Database) || target.Database == "postgres")
        {
            return;
        }

        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        try
        {
            await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{target.Database.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The server was stopped or removed before the fixture ended: nothing left to free.
        }
    }

    public ValueTask DisposeAsync() => _dispose();

    private static async Task<PostgresServer> CreateAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new PostgresServer(fromEnvironment, $"environment variable {EnvironmentVariable}", () => ValueTask.CompletedTask);
        }

        if (DockerAnswers())
        {
            var container = new PostgreSqlBuilder("postgres:16-alpine").Build();
            await container.StartAsync();
            var builder = new NpgsqlConnectionStringBuilder(container.GetConnectionString()) { Database = "postgres" };
            return new PostgresServer(builder.ConnectionString, "Testcontainers", container.DisposeAsync);
        }

        var binaries = FindBinaries() ?? throw new InvalidOperationException(
            "No PostgreSQL for the tests. Provide one of: the environment variable " + EnvironmentVariable +
            " with a connection string of a role that may create databases; a Docker engine (Testcontainers); " +
            "or the PostgreSQL server binaries (Debian: apt-get install postgresql; or set PG_BIN to the folder holding initdb and pg_ctl).");
        return await LocalCluster.StartAsync(binaries);
    }

    private static bool DockerAnswers()
    {
        try
        {
            return TestcontainersSettings.OS.DockerEndpointAuthConfig is not null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TypeInitializationException or ArgumentException)
        {
            return false;
        }
    }

    private static string? FindBinaries()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } pgBin)
        {
            candidates.Add(pgBin);
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var version) ? version : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Sanitize(string purpose)
    {
        var chars = purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray();
        return chars.Length == 0 ? "db" : new string(chars);
    }

    /// <summary>A cluster in a temporary folder, started with pg_ctl and removed on dispose.</summary>
    private static class LocalCluster
    {
        public static async Task<PostgresServer> StartAsync(string binaries)
        {
            var directory = Path.Combine(Path.GetTempPath(), $"egov-pg-{Environment.ProcessId}-{Guid.NewGuid():N}");
            var data = Path.Combine(directory, "data");
            Directory.CreateDirectory(directory);

            // PostgreSQL refuses to run as root; CI and these machines run as root.
            var runAs = Environment.UserName == "root" ? "postgres" : null;
            if (runAs is not null)
            {
                await RunAsync("chown", ["-R", $"{runAs}:", directory], null);
            }

            await RunAsync(Path.Combine(binaries, "initdb"),
                ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], runAs);

            var port = FreePort();
            var options = string.Join(' ',
                $"-p {port}", "-c listen_addresses=127.0.0.1", $"-k {directory}",
                "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=400",
                // Little WAL on disk: a run makes hundreds of databases, each copy WAL-logged (PostgreSQL 15+).
                "-c wal_level=minimal", "-c max_wal_senders=0", "-c max_wal_size=96MB", "-c min_wal_size=32MB");
            var pgCtl = Path.Combine(binaries, "pg_ctl");
            Task StartServerAsync() => RunAsync(pgCtl, ["-D", data, "-l", Path.Combine(directory, "server.log"), "-o", options, "-w", "-t", "60", "start"], runAs);
            await StartServerAsync();

            var connectionString = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = port,
                Username = "postgres",
                Database = "postgres",
                MaxPoolSize = 20,
            }.ConnectionString;

            return new PostgresServer(connectionString, $"local cluster from {binaries} on port {port}", async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await RunAsync(pgCtl, ["-D", data, "-m", "immediate", "-w", "stop"], runAs, throwOnError: false);

                // This runs at process exit, and the test runner gives the process only seconds to end:
                // deleting the cluster (one database per test class, tens of thousands of files) can take
                // longer than that on a loaded machine, so a detached rm does it after we are gone.
                if (!TryDeleteDetached(directory))
                {
                    try
                    {
                        Directory.Delete(directory, recursive: true);
                    }
                    catch (IOException)
                    {
                        // A leftover temp folder is harmless.
                    }
                }
            },
            // "fast": the server terminates every session (57P01 admin_shutdown), as an operator's stop or a failover does.
            () => RunAsync(pgCtl, ["-D", data, "-m", "fast", "-w", "stop"], runAs),
            StartServerAsync);
        }

        private static bool TryDeleteDetached(string directory)
        {
            try
            {
                using var rm = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("rm", ["-rf", directory]) { UseShellExecute = false });
                return rm is not null;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }

        private static async Task RunAsync(string file, string[] arguments, string? runAs, bool throwOnError = true)
        {
            var start = runAs is null
                ? new ProcessStartInfo(file)
                : new ProcessStartInfo("runuser", ["-u", runAs, "--", file]);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0 && throwOnError)
            {
                throw new InvalidOperationException(
                    $"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
            }
        }
    }
}
