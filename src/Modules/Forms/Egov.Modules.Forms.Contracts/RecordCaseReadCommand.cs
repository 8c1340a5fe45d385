using Mediator;

namespace Egov.Modules.Forms.Contracts;

/// <summary>
/// Cross-module command: another module read (or passed on) personal data of a case on someone's
/// behalf — a specialist system's service account reading the hand-off feed or downloading a document,
/// a member of staff exporting the case for the e-file. Forms records it in the case's access log, the
/// log of who read a citizen's case (GDPR Art. 5(2) accountability, Art. 32 logging), which the
/// subject-access export (<see cref="ExportSubjectDataQuery"/>, Art. 15(1)(c) recipients) lists.
/// Recording a read of an application that is no submitted case (erased meanwhile) does nothing.
/// The caller authorises the read itself; Forms only records it.
/// </summary>
/// <param name="ApplicationId">Id of the case (= application).</param>
/// <param name="ReaderSubject">Who read: the OIDC <c>sub</c> of the member of staff or of the service account (client credentials).</param>
/// <param name="ReaderName">Their name in words, e.g. the staff member's display name or <c>Fachverfahren parken (Dienstkonto)</c>; at most 200 characters are kept.</param>
/// <param name="Resource">What was read, in the access log's words: e.g. <c>handoff-feed:parken</c>, <c>attachment:{id}</c>, <c>receipt</c>, <c>decision-notice:{id}</c>, <c>xdomea-export</c>; at most 120 characters are kept.</param>
public sealed record RecordCaseReadCommand(Guid ApplicationId, string ReaderSubject, string ReaderName, string Resource) : ICommand;
