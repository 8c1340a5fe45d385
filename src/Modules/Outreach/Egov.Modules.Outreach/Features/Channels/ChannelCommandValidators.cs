using FluentValidation;

namespace Egov.Modules.Outreach.Features.Channels;

internal sealed class CreateChannelValidator(IValidator<ChannelInput> input) : InputValidator<CreateChannelCommand, ChannelInput>(input, c => c.Input);

internal sealed class UpdateChannelValidator(IValidator<ChannelInput> input) : InputValidator<UpdateChannelCommand, ChannelInput>(input, c => c.Input);
