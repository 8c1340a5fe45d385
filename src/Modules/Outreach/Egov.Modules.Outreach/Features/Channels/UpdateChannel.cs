using Egov.SharedKernel.Errors;
using FluentValidation;
using Mediator;

namespace Egov.Modules.Outreach.Features.Channels;

/// <summary>An administrator changes a channel (<c>PUT /api/v1/outreach/channels/{id}</c>, If-Match required); the kind is fixed.</summary>
internal sealed record UpdateChannelCommand(Guid Id, int? IfMatch, ChannelInput Input) : ICommand<ChannelView>;

internal sealed class UpdateChannelValidator(IValidator<ChannelInput> input) : InputValidator<UpdateChannelCommand, ChannelInput>(input, c => c.Input);

/// <summary>Changes the settings, replaces credentials when given, and reads the limits again when the address of a platform-read kind changed.</summary>
internal sealed class UpdateChannelHandler(ChannelWrites writes, ChannelCredentialProtector protector, TimeProvider time)
    : ICommandHandler<UpdateChannelCommand, ChannelView>
{
    public async ValueTask<ChannelView> Handle(UpdateChannelCommand command, CancellationToken cancellationToken)
    {
        var channel = await writes.FindAsync(command.Id, cancellationToken);
        if (command.IfMatch is null)
        {
            throw new PreconditionRequiredException("Changes need an If-Match header with the channel's ETag as you last read it.");
        }

        if (command.IfMatch != channel.Version)
        {
            throw new PreconditionFailedException("The channel changed since you read it; read it again, then retry.");
        }

        if (channel.Retired)
        {
            throw new ConflictException($"The channel {channel.Name} is retired; it is kept for the record and cannot change.");
        }

        var input = command.Input;
        if (input.Kind != channel.Kind)
        {
            throw new RequestValidationException("kind", $"The kind of a channel cannot change (it is {channel.Kind}); create a new channel instead.");
        }

        var kind = writes.Kind(channel.Kind);
        var settings = writes.Settings(input, kind);
        ChannelWrites.EnsureMayEnable(settings, kind, input.Credentials is not null || channel.ProtectedCredentials is not null);
        await writes.EnsureNameFreeAsync(settings.Name, channel.Id, cancellationToken);
        var now = time.GetUtcNow();
        var addressChanged = settings.Address != channel.Address;
        channel.Update(settings, now);
        if (input.Credentials is { } credentials)
        {
            channel.ReplaceCredentials(protector.Protect(credentials), now);
        }

        if (addressChanged && kind.ReadsLimitsFromPlatform)
        {
            channel.RefreshLimits(await writes.ReadFromPlatformAsync(kind, settings.Address!, cancellationToken), now);
        }

        await writes.SaveAsync(cancellationToken);
        return ChannelView.From(channel);
    }
}
