
namespace Egov.Modules.Outreach.Features.Channels.Kinds;

/// <summary>A platform could not be asked what it needed to be asked.</summary>
internal sealed class PlatformUnavailableException(string message) : Exception(message);
