using Mediator;

namespace Egov.Modules.Outreach.Features.Channels;

/// <summary>Reads a channel's limits from its platform at once (<c>POST /api/v1/outreach/channels/{id}/limits/refresh</c>).</summary>
internal sealed record RefreshChannelLimitsCommand(Guid Id) : ICommand<ChannelView>;

/// <summary>Reads and stores the limits where the kind reads them from the platform; other kinds are returned unchanged.</summary>
internal sealed class RefreshChannelLimitsHandler(ChannelWrites writes, TimeProvider time) : ICommandHandler<RefreshChannelLimitsCommand, ChannelView>
{
    public async ValueTask<ChannelView> Handle(RefreshChannelLimitsCommand command, CancellationToken cancellationToken)
    {
        var channel = await writes.FindAsync(command.Id, cancellationToken);
        var kind = writes.Kind(channel.Kind);
        if (kind.ReadsLimitsFromPlatform && channel.Address is not null)
        {
            channel.RefreshLimits(await writes.ReadFromPlatformAsync(kind, channel.Address, cancellationToken), time.GetUtcNow());
            await writes.SaveAsync(cancellationToken);
        }

        return ChannelView.From(channel);
    }
}
