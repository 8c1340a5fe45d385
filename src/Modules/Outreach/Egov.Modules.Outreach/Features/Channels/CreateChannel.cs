using Egov.Modules.Outreach.Domain.Channels;
using Egov.Modules.Outreach.Persistence;
using FluentValidation;
using Mediator;

namespace Egov.Modules.Outreach.Features.Channels;

/// <summary>An administrator registers a channel (<c>POST /api/v1/outreach/channels</c>).</summary>
internal sealed record CreateChannelCommand(ChannelInput Input) : ICommand<ChannelView>;

internal sealed class CreateChannelValidator(IValidator<ChannelInput> input) : InputValidator<CreateChannelCommand, ChannelInput>(input, c => c.Input);

/// <summary>Stores the channel with its limits: read from the platform where the kind does, else the documented ones.</summary>
internal sealed class CreateChannelHandler(OutreachDbContext db, ChannelWrites writes, ChannelCredentialProtector protector, TimeProvider time)
    : ICommandHandler<CreateChannelCommand, ChannelView>
{
    public async ValueTask<ChannelView> Handle(CreateChannelCommand command, CancellationToken cancellationToken)
    {
        var input = command.Input;
        var kind = writes.Kind(input.Kind!);
        var settings = writes.Settings(input, kind);
        ChannelWrites.EnsureMayEnable(settings, kind, input.Credentials is not null);
        await writes.EnsureNameFreeAsync(settings.Name, null, cancellationToken);
        var limits = kind.ReadsLimitsFromPlatform
            ? await writes.ReadFromPlatformAsync(kind, settings.Address!, cancellationToken)
            : kind.DocumentedLimits();
        var channel = Channel.Create(kind.Name, settings, limits, input.Credentials is { } c ? protector.Protect(c) : null, time.GetUtcNow());
        db.Channels.Add(channel);
        await writes.SaveAsync(cancellationToken);
        return ChannelView.From(channel);
    }
}
