namespace Egov.Modules.Outreach.Features.Deliveries;

/// <summary>Wakes this host's delivery worker (crisis and general lane) at once when a post was scheduled or an alert fanned out.</summary>
internal sealed class DeliverySignal : LaneSignal;
