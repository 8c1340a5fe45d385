using System.Threading.Channels;

namespace Egov.Modules.Forms.Features.Receipts;

/// <summary>
/// Receipts of this host instance waiting for their PDF: the submission enqueues the application
/// right after its commit, <see cref="ReceiptRenderWorker"/> renders. Bounded (10,000 entries); when
/// it is full the entry is dropped and the worker's sweep renders that receipt a little later, as it
/// does for receipts whose host stopped before rendering them.
/// </summary>
internal sealed class ReceiptRenderQueue
{
    private readonly Channel<Guid> _channel = Channel.CreateBounded<Guid>(new BoundedChannelOptions(10_000)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = false,
        SingleWriter = false,
    });

    /// <summary>Asks for the PDF of the receipt of <paramref name="applicationId"/> (committed already).</summary>
    public void Enqueue(Guid applicationId) => _channel.Writer.TryWrite(applicationId);

    /// <summary>The waiting receipts, for the worker.</summary>
    public ChannelReader<Guid> Reader => _channel.Reader;
}
