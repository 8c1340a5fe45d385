using Egov.Modules.Forms.Features.FormDocuments;
using Mediator;

namespace Egov.Modules.Forms.Features.ManageForms;

/// <summary>Adds the next version of a form as a draft.</summary>
internal sealed record AddFormVersionCommand(Guid FormId, FormDocument Definition) : ICommand<FormVersionResponse>;

/// <summary>Replaces the content of a draft version.</summary>
internal sealed record UpdateFormDraftCommand(Guid FormId, int Version, FormDocument Definition) : ICommand<FormVersionResponse>;

/// <summary>Publishes a draft version; from now on new applications use it.</summary>
internal sealed record PublishFormVersionCommand(Guid FormId, int Version) : ICommand<FormVersionResponse>;

/// <summary>Takes a form out of the catalog; filed applications stay valid.</summary>
internal sealed record RetireFormCommand(Guid FormId) : ICommand<Unit>;

/// <summary>Every version of a form, drafts included (administrators).</summary>
internal sealed record ListFormVersionsQuery(Guid FormId) : IQuery<IReadOnlyList<FormVersionResponse>>;

/// <summary>One version of a form, drafts included (administrators).</summary>
internal sealed record GetFormVersionQuery(Guid FormId, int Version) : IQuery<FormVersionResponse>;
