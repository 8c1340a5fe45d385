using System.Buffers;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Egov.Testing;

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1 and a free port, for tests that send
/// mail over the wire. It accepts every sender and recipient, parses each message with MimeKit
/// and keeps it in <see cref="Messages"/>. Plain SMTP only (no STARTTLS offered); with
/// credentials it requires AUTH (PLAIN or LOGIN) over the plain connection, which is safe only
/// because nothing leaves the loopback interface. Start it with <see cref="StartAsync"/>,
/// dispose it to stop.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<MimeMessage> _messages = [];
    private readonly List<Waiter> _waiters = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    private LoopbackSmtpServer()
    {
    }

    /// <summary>The address the server listens on: <c>127.0.0.1</c>.</summary>
    public string Host => IPAddress.Loopback.ToString();

    /// <summary>The TCP port the server listens on, chosen by the operating system.</summary>
    public int Port { get; private set; }

    /// <summary>A snapshot of the messages received so far, in order of arrival.</summary>
    public IReadOnlyList<MimeMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>
    /// Starts a server and returns once it listens.
    /// </summary>
    /// <param name="requiredCredentials">When set, clients must authenticate with exactly this user name and password.</param>
    /// <param name="cancellationToken">Cancels waiting for the listener.</param>
    public static async Task<LoopbackSmtpServer> StartAsync(NetworkCredential? requiredCredentials = null, CancellationToken cancellationToken = default)
    {
        var server = new LoopbackSmtpServer();
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => listening.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, 0));
                if (requiredCredentials is not null)
                {
                    endpoint.AuthenticationRequired().AllowUnsecureAuthentication();
                }
            })
            .Build();
        var services = new ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(server));
        if (requiredCredentials is not null)
        {
            services.Add(new DelegatingUserAuthenticator((user, password) =>
                user == requiredCredentials.UserName && password == requiredCredentials.Password));
        }

        server._running = new SmtpServer.SmtpServer(options, services).StartAsync(server._stop.Token);
        var first = await Task.WhenAny(listening.Task, server._running).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        if (first != listening.Task)
        {
            await server._running;
            throw new InvalidOperationException("The SMTP server stopped before it listened.");
        }

        server.Port = await listening.Task;
        return server;
    }

    /// <summary>
    /// The first message, received before or within <paramref name="timeout"/>, for which
    /// <paramref name="predicate"/> is true.
    /// </summary>
    /// <exception cref="TimeoutException">No such message arrived in time; the message says how many others did.</exception>
    public async Task<MimeMessage> WaitForMessageAsync(Func<MimeMessage, bool> predicate, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var waiter = new Waiter(predicate);
        lock (_gate)
        {
            var existing = _messages.FirstOrDefault(predicate);
            if (existing is not null)
            {
                return existing;
            }

            _waiters.Add(waiter);
        }

        try
        {
            return await waiter.Result.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
                throw new TimeoutException($"No matching message arrived within {timeout}; {_messages.Count} other message(s) did.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // The server ends its accept loop by cancellation.
        }

        _stop.Dispose();
    }

    private void Add(MimeMessage message)
    {
        List<Waiter> matched;
        lock (_gate)
        {
            _messages.Add(message);
            matched = _waiters.FindAll(w => w.Matches(message));
            _waiters.RemoveAll(matched.Contains);
        }

        foreach (var waiter in matched)
        {
            waiter.Result.TrySetResult(message);
        }
    }

    private sealed class Waiter(Func<MimeMessage, bool> predicate)
    {
        public TaskCompletionSource<MimeMessage> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // A predicate that throws fails its own wait, not the server.
        public bool Matches(MimeMessage message)
        {
            try
            {
                return predicate(message);
            }
            catch (Exception ex)
            {
                Result.TrySetException(ex);
                return true;
            }
        }
    }

    private sealed class Store(LoopbackSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            server.Add(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
