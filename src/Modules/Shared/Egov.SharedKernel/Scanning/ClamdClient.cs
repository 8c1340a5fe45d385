using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace Egov.SharedKernel.Scanning;

/// <summary>The scanner's answer for one stream: clean, or infected with the named signature.</summary>
/// <param name="Signature">The matching signature as clamd names it (e.g. <c>Win.Test.EICAR_HDB-1</c>); null when clean.</param>
public sealed record ClamdVerdict(string? Signature)
{
    /// <summary>No signature matched.</summary>
    public static readonly ClamdVerdict Clean = new((string?)null);

    /// <summary>Whether a signature matched.</summary>
    public bool Infected => Signature is not null;
}

/// <summary>clamd could not give a verdict: not reachable, timed out, refused the stream or answered an error.</summary>
public sealed class ClamdUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A client of clamd's <c>INSTREAM</c> command (ClamAV, clamd(8): "It is mandatory to prefix this
/// command with n or z … The format of the chunk is: '&lt;length&gt;&lt;data&gt;' where &lt;length&gt;
/// is the size of the following data in bytes expressed as a 4 byte unsigned integer in network byte
/// order … Streaming is terminated by sending a zero-length chunk"; https://docs.clamav.net/manual/Usage/Scanning.html).
/// Shared by the modules that take uploads (Forms: applicants' files; Outreach: post images); each
/// decides what a verdict means for its own data. One connection per scan, <c>z</c>-prefixed (NUL-terminated) commands; the answer is
/// <c>stream: OK</c>, <c>stream: &lt;signature&gt; FOUND</c> or <c>… ERROR</c> (for example
/// <c>INSTREAM size limit exceeded. ERROR</c> when the stream is longer than clamd's <c>StreamMaxLength</c>).
/// </summary>
public sealed class ClamdClient(ClamdEndpoint endpoint, TimeSpan timeout)
{
    /// <summary>Bytes per chunk; clamd reads chunks of any size up to StreamMaxLength.</summary>
    private const int ChunkSize = 64 * 1024;

    /// <summary>The endpoint this client talks to.</summary>
    public ClamdEndpoint Endpoint => endpoint;

    /// <summary>Scans <paramref name="content"/>; throws <see cref="ClamdUnavailableException"/> when no verdict comes within the timeout.</summary>
    public async Task<ClamdVerdict> ScanAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var reply = await SendAsync("zINSTREAM\0"u8.ToArray(), content, cancellationToken);
        const string prefix = "stream: ";
        var text = reply.StartsWith(prefix, StringComparison.Ordinal) ? reply[prefix.Length..] : reply;
        if (text == "OK")
        {
            return ClamdVerdict.Clean;
        }

        if (text.EndsWith(" FOUND", StringComparison.Ordinal))
        {
            return new ClamdVerdict(text[..^" FOUND".Length]);
        }

        throw new ClamdUnavailableException($"clamd at {endpoint} gave no verdict: {reply}");
    }

    /// <summary>Asks clamd whether it answers (<c>PING</c> → <c>PONG</c>).</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync("zPING\0"u8.ToArray(), null, cancellationToken) == "PONG";
        }
        catch (ClamdUnavailableException)
        {
            return false;
        }
    }

    private async Task<string> SendAsync(byte[] command, ReadOnlyMemory<byte>? stream, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var token = timeoutSource.Token;
        using var socket = endpoint.Address is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(endpoint.Address, token);
            await using var network = new NetworkStream(socket, ownsSocket: false);
            await network.WriteAsync(command, token);
            if (stream is { } content)
            {
                var header = new byte[4];
                for (var offset = 0; offset < content.Length; offset += ChunkSize)
                {
                    var chunk = content.Slice(offset, Math.Min(ChunkSize, content.Length - offset));
                    BinaryPrimitives.WriteUInt32BigEndian(header, (uint)chunk.Length);
                    await network.WriteAsync(header, token);
                    await network.WriteAsync(chunk, token);
                }

                BinaryPrimitives.WriteUInt32BigEndian(header, 0);
                await network.WriteAsync(header, token);
            }

            await network.FlushAsync(token);
            return await ReadReplyAsync(network, token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ClamdUnavailableException($"clamd at {endpoint} did not answer within {timeout.TotalSeconds:0.#} s.");
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            // clamd closes the connection early when a stream exceeds StreamMaxLength; what it said
            // before closing is lost then, so the message names the likely cause.
            throw new ClamdUnavailableException($"clamd at {endpoint} is not reachable or closed the connection ({ex.Message}).", ex);
        }
    }

    private static async Task<string> ReadReplyAsync(NetworkStream network, CancellationToken cancellationToken)
    {
        var buffer = new byte[512];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await network.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                break;
            }

            length += read;
            if (Array.IndexOf(buffer, (byte)0, length - read, read) >= 0)
            {
                break;
            }
        }

        return Encoding.UTF8.GetString(buffer, 0, length).TrimEnd('\0', '\n').Trim();
    }
}
