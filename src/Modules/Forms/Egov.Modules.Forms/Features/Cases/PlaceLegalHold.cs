using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using FluentValidation;
using Mediator;

namespace Egov.Modules.Forms.Features.Cases;

/// <summary>Places a legal hold on the case (the retention clock stops), with the reason; recorded in the case history.</summary>
internal sealed record PlaceLegalHoldCommand(Caseworker Caseworker, Guid CaseId, int? IfMatch, string Reason) : ICommand<CaseDetail>;

internal sealed class PlaceLegalHoldValidator : AbstractValidator<PlaceLegalHoldCommand>
{
    public PlaceLegalHoldValidator() => RuleFor(c => c.Reason).LegalHoldReason();
}

internal sealed class PlaceLegalHoldHandler(FormsDbContext db, StaffDirectory staff, TimeProvider time) : ICommandHandler<PlaceLegalHoldCommand, CaseDetail>
{
    public ValueTask<CaseDetail> Handle(PlaceLegalHoldCommand command, CancellationToken cancellationToken) =>
        LegalHold.ChangeAsync(db, staff, time, command.Caseworker, command.CaseId, command.IfMatch,
            (application, now) => application.PlaceLegalHold(command.Caseworker.Actor, command.Reason.Trim(), now), cancellationToken);
}

/// <summary>What placing and lifting a legal hold share: the reason rule and the change of the case.</summary>
internal static class LegalHold
{
    /// <summary>A reason is required (it is the audit trail of why data is kept beyond its retention) and at most one message long.</summary>
    public static IRuleBuilderOptions<T, string> LegalHoldReason<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Give the reason (e.g. the proceedings and their file number).")
            .MaximumLength(CaseMessage.MaxLength)
            .OverridePropertyName("reason").WithName("reason");

    /// <summary>Finds the case (If-Match), applies <paramref name="change"/> and records its history entry and the read.</summary>
    public static async ValueTask<CaseDetail> ChangeAsync(
        FormsDbContext db, StaffDirectory staff, TimeProvider time, Caseworker caseworker, Guid caseId, int? ifMatch,
        Func<Application, DateTimeOffset, CaseHistoryEntry> change, CancellationToken cancellationToken)
    {
        var application = await CaseAccess.FindAsync(db, staff, caseworker, caseId, tracked: true, cancellationToken);
        CaseAccess.EnsureMatch(application, ifMatch);
        db.CaseHistory.Add(change(application, time.GetUtcNow()));
        CaseAccess.LogRead(db, application, caseworker, time);
        await CaseAccess.SaveChangeAsync(db, cancellationToken);
        return await CaseDetails.LoadAsync(db, application, time, cancellationToken);
    }
}
