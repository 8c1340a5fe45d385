namespace Egov.Modules.Mobile.Features.Push;

/// <summary>The kinds of <see cref="PushOutcome"/>.</summary>
internal enum PushOutcomeKind
{
    Delivered,
    Gone,
    Retry,
    Failed,
}
