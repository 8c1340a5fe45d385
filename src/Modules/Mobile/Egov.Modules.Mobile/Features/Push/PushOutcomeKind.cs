namespace Egov.Modules.Outreach.Features.Push;

/// <summary>The kinds of <see cref="PushOutcome"/>.</summary>
internal enum PushOutcomeKind
{
    Delivered,
    Gone,
    Retry,
    Failed,
}
