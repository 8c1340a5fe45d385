using Egov.Modules.Forms.Features.FormDocuments;
using Mediator;

namespace Egov.Modules.Forms.Features.GetForm;

/// <summary>A published version of a form by id or key: the current one, or <paramref name="Version"/>.</summary>
internal sealed record GetFormQuery(string IdOrKey, int? Version) : IQuery<FormVersionResponse>;
