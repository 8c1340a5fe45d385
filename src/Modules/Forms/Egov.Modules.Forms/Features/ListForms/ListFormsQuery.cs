using Egov.SharedKernel.Paging;
using Mediator;

namespace Egov.Modules.Forms.Features.ListForms;

/// <summary>The public catalog: forms with a published version, by key.</summary>
internal sealed record ListFormsQuery(string? Cursor, int? Limit) : IQuery<CursorPage<FormSummary>>;
