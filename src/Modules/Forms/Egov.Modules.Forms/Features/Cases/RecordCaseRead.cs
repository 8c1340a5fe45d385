using Egov.Modules.Forms.Contracts;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Cases;

/// <summary>
/// Answers <see cref="RecordCaseReadCommand"/>: another module's read of a case (hand-off feed,
/// a document downloaded by a specialist system, an xdomea export) goes into the same access log as
/// the case API's reads, so "who read my application" has one answer.
/// </summary>
internal sealed class RecordCaseReadHandler(FormsDbContext db, TimeProvider time) : ICommandHandler<RecordCaseReadCommand>
{
    public async ValueTask<Unit> Handle(RecordCaseReadCommand command, CancellationToken cancellationToken)
    {
        if (!await db.Applications.AnyAsync(a => a.Id == command.ApplicationId && a.SubmittedAt != null, cancellationToken))
        {
            return Unit.Value; // erased meanwhile: nothing left whose reads need accounting for
        }

        var reader = new CaseActor(Cut(command.ReaderSubject, 200), Cut(command.ReaderName, 200), IsApplicant: false);
        db.CaseAccessLog.Add(CaseAccessLogEntry.Create(command.ApplicationId, reader, Cut(command.Resource, 120), time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private static string Cut(string value, int length) => value.Length > length ? value[..length] : value;
}
