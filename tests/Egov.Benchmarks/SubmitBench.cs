using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Egov.Benchmarks;

/// <summary>
/// A PostgreSQL 15 cluster of the benchmarks' own, in a temporary folder, with durable settings:
/// <c>fsync</c>, <c>synchronous_commit</c> and <c>full_page_writes</c> stay on (the defaults), so an
/// acknowledged commit is on disk, as in production. (The test fixture turns them off; a benchmark
/// must not.) Runs as user <c>postgres</c> when started as root; removed on dispose.
/// </summary>
internal sealed class DurablePostgres : IAsyncDisposable
{
    private readonly string _binaries;
    private readonly string _directory;
    private readonly string? _runAs;

    private DurablePostgres(string binaries, string directory, string? runAs, string connectionString)
    {
        _binaries = binaries;
        _directory = directory;
        _runAs = runAs;
        ConnectionString = connectionString;
    }

    /// <summary>Connection string of the database <c>egov_bench</c>.</summary>
    public string ConnectionString { get; }

    public static async Task<DurablePostgres> StartAsync()
    {
        var binaries = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal).Select(d => Path.Combine(d, "bin"))
                .FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_ctl")))
            : null;
        binaries ??= Environment.GetEnvironmentVariable("PG_BIN") ?? throw new InvalidOperationException("No PostgreSQL binaries: install postgresql or set PG_BIN.");
        var directory = Path.Combine(Path.GetTempPath(), $"egov-bench-pg-{Environment.ProcessId}");
        var data = Path.Combine(directory, "data");
        Directory.CreateDirectory(directory);
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        if (runAs is not null)
        {
            await RunAsync("chown", ["-R", $"{runAs}:", directory], null);
        }

        await RunAsync(Path.Combine(binaries, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], runAs);
        var port = FreePort();
        var options = $"-p {port} -c listen_addresses=127.0.0.1 -k {directory} -c max_connections=300 -c shared_buffers=256MB";
        await RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", data, "-l", Path.Combine(directory, "server.log"), "-o", options, "-w", "-t", "60", "start"], runAs);

        var admin = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres" }.ConnectionString;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE egov_bench", connection);
            await create.ExecuteNonQueryAsync();
        }

        var server = new DurablePostgres(binaries, directory, runAs, new NpgsqlConnectionStringBuilder(admin) { Database = "egov_bench" }.ConnectionString);

        // Ctrl+C or SIGTERM: stop the cluster instead of leaving it running.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }

    /// <summary>The durability settings as the server reports them, e.g. <c>fsync=on synchronous_commit=on full_page_writes=on</c>.</summary>
    public static async Task<string> SettingsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var settings = new List<string>();
        foreach (var name in new[] { "server_version", "fsync", "synchronous_commit", "full_page_writes", "wal_sync_method" })
        {
            await using var show = new NpgsqlCommand($"SHOW {name}", connection);
            settings.Add($"{name}={await show.ExecuteScalarAsync()}");
        }

        return string.Join(' ', settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (!Directory.Exists(_directory))
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await RunAsync(Path.Combine(_binaries, "pg_ctl"), ["-D", Path.Combine(_directory, "data"), "-m", "fast", "-w", "stop"], _runAs, throwOnError: false);
        Directory.Delete(_directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static async Task RunAsync(string file, string[] arguments, string? runAs, bool throwOnError = true)
    {
        var start = runAs is null ? new ProcessStartInfo(file) : new ProcessStartInfo("runuser", ["-u", runAs, "--", file]);
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
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }
}

/// <summary>
/// The host as its own process, built in Release (<c>dotnet build src/Host/Egov.Host -c Release</c>),
/// in the Development environment (development identity provider) with logging at Warning, on a
/// free loopback port. <see cref="Kill"/> ends it as <c>kill -9</c> does.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public int ProcessId => _process.Id;

    /// <summary>
    /// The CPU time the host process has used so far (all its threads: requests, renderers, GC). Per
    /// request it hardly moves with the machine's other load, unlike wall-clock figures.
    /// </summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>
    /// Starts the host on <paramref name="connectionString"/> and waits until <c>/health/ready</c> answers 200:
    /// the Release build output, or the folder in <c>EGOV_BENCH_HOST_DIR</c> (e.g. a <c>dotnet publish -r linux-x64</c>
    /// output, precompiled as operations.md recommends).
    /// </summary>
    public static async Task<HostProcess> StartAsync(string connectionString, int? port = null)
    {
        var output = Path.GetFullPath(Environment.GetEnvironmentVariable("EGOV_BENCH_HOST_DIR") is { Length: > 0 } hostDirectory
            ? hostDirectory
            : Path.Combine("src", "Host", "Egov.Host", "bin", "Release", "net10.0"));
        var dll = Path.Combine(output, "Egov.Host.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: run `dotnet build src/Host/Egov.Host -c Release` from the repository root first (or publish into EGOV_BENCH_HOST_DIR).");
        }

        var root = Path.Combine(Path.GetTempPath(), $"egov-bench-root-{Environment.ProcessId}");
        Directory.CreateDirectory(root);
        foreach (var file in Directory.GetFiles(Path.Combine("src", "Host", "Egov.Host"), "appsettings*.json"))
        {
            File.Copy(file, Path.Combine(root, Path.GetFileName(file)), overwrite: true);
        }

        var listen = port ?? FreePort();
        var baseUrl = new Uri($"http://localhost:{listen.ToString(CultureInfo.InvariantCulture)}/");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = output, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { dll, "--urls", baseUrl.AbsoluteUri.TrimEnd('/'), "--contentRoot", root, $"--Identity:Development:Issuer={baseUrl}" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        // EF Core logs the missing migration history of a new database as an error; it is not one.
        start.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "None";
        start.Environment["ConnectionStrings__Egov"] = connectionString;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host.");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
            {
                // Ended already.
            }
        };
        process.OutputDataReceived += (_, e) => Log(e.Data);
        process.ErrorDataReceived += (_, e) => Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {process.ExitCode} while starting.");
            }

            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return new HostProcess(process, baseUrl);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting slowly on a busy machine.
            }

            await Task.Delay(250);
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("The host did not become ready within 3 minutes.");
    }

    /// <summary>SIGKILL: no shutdown, no flushing, as <c>kill -9</c>.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Log(string? line)
    {
        // The host logs at Warning: whatever comes is worth seeing, but not the shutdown noise of a kill.
        if (!string.IsNullOrEmpty(line) && !line.Contains("OperationCanceledException", StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"  [host] {line}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>CPU use of the whole machine between two readings of <c>/proc/stat</c> (Linux).</summary>
internal sealed class CpuMeter
{
    private readonly (long Busy, long Total) _start = Read();

    /// <summary>Busy share of all cores since this meter was made, 0–100 %.</summary>
    public double BusyPercent()
    {
        var now = Read();
        var total = now.Total - _start.Total;
        return total <= 0 ? 0 : 100.0 * (now.Busy - _start.Busy) / total;
    }

    /// <summary>The 1-minute load average.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static (long Busy, long Total) Read()
    {
        if (!File.Exists("/proc/stat"))
        {
            return (0, 0);
        }

        // cpu user nice system idle iowait irq softirq steal …
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var idle = fields[3] + fields[4];
        var total = fields.Sum();
        return (total - idle, total);
    }
}
