using Egov.SharedKernel.Work;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>Wakes the push fan-out's alert and general lanes once a stored job is committed.</summary>
internal sealed class PushSignal : WorkSignal;
