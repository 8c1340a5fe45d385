using Egov.Modules.Forms.Features.FormDocuments;
using Mediator;

namespace Egov.Modules.Forms.Features.ManageForms;

/// <summary>Creates a form with its first version as a draft.</summary>
internal sealed record CreateFormCommand(FormDocument Definition) : ICommand<FormVersionResponse>;
