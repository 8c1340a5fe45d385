using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>Takes the application back (draft or submitted, before a decision).</summary>
internal sealed record WithdrawApplicationCommand(Applicant Applicant, Guid ApplicationId) : ICommand<ApplicationResponse>;

internal sealed class WithdrawApplicationHandler(FormsDbContext db, TimeProvider time) : ICommandHandler<WithdrawApplicationCommand, ApplicationResponse>
{
    public async ValueTask<ApplicationResponse> Handle(WithdrawApplicationCommand command, CancellationToken cancellationToken)
    {
        var application = await db.OwnAsync(command.Applicant, command.ApplicationId, cancellationToken);
        var now = time.GetUtcNow();
        if (application.Withdraw(now) is { } change)
        {
            db.Record(change);
            foreach (var open in await db.InformationRequests.Where(r => r.ApplicationId == application.Id && r.Status == InformationRequestStatus.Open).ToListAsync(cancellationToken))
            {
                open.Cancel(now);
            }
        }

        await db.SaveCaseChangeAsync(cancellationToken);
        return await ApplicationViews.ResponseAsync(db, application, cancellationToken);
    }
}
