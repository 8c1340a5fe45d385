using Mediator;

namespace Egov.Modules.Forms.Features.ProcessingRecord;

/// <summary>Every form with a published version, by key, as the privacy notice lists it.</summary>
internal sealed record ListFormProcessingQuery : IQuery<IReadOnlyList<FormProcessing>>;
