namespace Egov.Modules.Mobile.Features.Push;

/// <summary>Wakes the push fan-out's alert and general lanes right after an event handler stored a job.</summary>
internal sealed class PushSignal : LaneSignal;
