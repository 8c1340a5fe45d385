using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Egov.Testing;

/// <summary>
/// A real clamd (ClamAV's daemon, Debian package <c>clamav-daemon</c>) for tests, on a free port on
/// 127.0.0.1 and a unix socket in a temporary folder, with a signature database made here: one body
/// signature (<c>.ndb</c>) for the EICAR test string anywhere in a file, named <see cref="EicarSignature"/>
/// (clamd reports it with the suffix <c>.UNOFFICIAL</c>). No signature download is needed or possible.
/// The binary is found as PostgreSQL's is: <c>CLAMD</c> (a path), else <c>/usr/sbin/clamd</c>, else
/// <c>PATH</c>; without one the test fails saying how to install it. Dispose it to stop the daemon.
/// </summary>
public sealed class ClamdServer : IAsyncDisposable
{
    /// <summary>The EICAR anti-malware test file (68 bytes, https://www.eicar.org/download-anti-malware-testfile/).</summary>
    public static readonly byte[] Eicar = Encoding.ASCII.GetBytes(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*");

    /// <summary>The name of the test signature in the database written here.</summary>
    public const string EicarSignature = "Egov-Test.EICAR";

    private readonly string _directory;
    private readonly string _binary;
    private Process? _process;

    private ClamdServer(string directory, string binary, int port)
    {
        _directory = directory;
        _binary = binary;
        Port = port;
    }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The TCP endpoint as Egov's configuration takes it (<c>tcp://127.0.0.1:port</c>).</summary>
    public string TcpEndpoint => $"tcp://127.0.0.1:{Port}";

    /// <summary>The unix socket endpoint (<c>unix:/tmp/…/clamd.sock</c>).</summary>
    public string SocketEndpoint => $"unix:{Path.Combine(_directory, "clamd.sock")}";

    /// <summary>Starts a clamd and waits until it answers PING.</summary>
    public static async Task<ClamdServer> StartAsync()
    {
        var binary = FindBinary() ?? throw new InvalidOperationException(
            "No clamd for the malware-scanning tests: install ClamAV's daemon (Debian: apt-get install clamav-daemon) or set CLAMD to the clamd binary.");
        var directory = Path.Combine(Path.GetTempPath(), $"egov-clamd-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(directory, "db"));

        // Body signature format (ClamAV "Creating signatures", .ndb): Name:TargetType:Offset:HexSignature;
        // target 0 = any file, offset * = anywhere, so the string is found inside a PDF too.
        await File.WriteAllTextAsync(Path.Combine(directory, "db", "egov-test.ndb"),
            $"{EicarSignature}:0:*:{Convert.ToHexStringLower(Eicar)}\n");
        var server = new ClamdServer(directory, binary, FreePort());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Stops clamd as in an outage: the port and socket refuse connections until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts clamd (again) on the same port and socket; returns once it answers PING.</summary>
    public async Task StartAgainAsync()
    {
        var config = Path.Combine(_directory, "clamd.conf");
        var socket = Path.Combine(_directory, "clamd.sock");
        await File.WriteAllTextAsync(config, $"""
            Foreground yes
            DatabaseDirectory {Path.Combine(_directory, "db")}
            TCPSocket {Port}
            TCPAddr 127.0.0.1
            LocalSocket {socket}
            LogFile {Path.Combine(_directory, "clamd.log")}
            StreamMaxLength 30M
            MaxThreads 4
            SelfCheck 0

            """);
        var start = new ProcessStartInfo(_binary, ["-c", config]) { RedirectStandardOutput = true, RedirectStandardError = true };
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_binary}.");
        _ = _process.StandardOutput.ReadToEndAsync();
        _ = _process.StandardError.ReadToEndAsync();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                var log = File.Exists(Path.Combine(_directory, "clamd.log")) ? await File.ReadAllTextAsync(Path.Combine(_directory, "clamd.log")) : "";
                throw new InvalidOperationException($"clamd exited with {_process.ExitCode}:\n{log}");
            }

            if (await PingsAsync())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"clamd did not answer on port {Port} within 60 s.");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private async Task<bool> PingsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("zPING\0"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string? FindBinary()
    {
        if (Environment.GetEnvironmentVariable("CLAMD") is { Length: > 0 } configured && File.Exists(configured))
        {
            return configured;
        }

        var candidates = new List<string> { "/usr/sbin/clamd", "/usr/local/sbin/clamd" };
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "clamd")));
        return candidates.FirstOrDefault(File.Exists);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
