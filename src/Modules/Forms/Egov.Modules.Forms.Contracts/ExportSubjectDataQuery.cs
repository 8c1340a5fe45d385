using Egov.SharedKernel.DataProtection;
using Mediator;

namespace Egov.Modules.Forms.Contracts;

/// <summary>
/// Cross-module query (GDPR Art. 15): everything Forms holds about the person <paramref name="Subject"/> —
/// applications (drafts included) with their data, files, receipts, messages (internal notes excluded),
/// information requests, the history they may see and who at the city read their cases (the case access log).
/// When <paramref name="RequestedBy"/> is given (staff producing it on request), the export is recorded in the
/// access log of each case as a read of <c>subject-export</c>.
/// </summary>
/// <param name="Subject">The person's OIDC <c>sub</c>.</param>
/// <param name="RequestedBy">The member of staff producing it: (<c>sub</c>, name); null when the person downloads it.</param>
public sealed record ExportSubjectDataQuery(string Subject, (string Subject, string Name)? RequestedBy) : IQuery<SubjectData>;
