using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Cases;

/// <summary>Assigns the case to <paramref name="Assignee"/> (<c>me</c> or a colleague's <c>sub</c>), or unassigns it (null).</summary>
internal sealed record AssignCaseCommand(Caseworker Caseworker, Guid CaseId, int? IfMatch, string? Assignee) : ICommand<CaseDetail>;

internal sealed class AssignCaseValidator : AbstractValidator<AssignCaseCommand>
{
    public AssignCaseValidator() =>
        RuleFor(c => c.Assignee).MaximumLength(200).Must(a => a is null || a.Trim().Length > 0)
            .WithMessage("Name the assignee: 'me', a colleague's subject, or null to unassign.")
            .OverridePropertyName("assignee").WithName("assignee");
}

internal sealed class AssignCaseHandler(FormsDbContext db, StaffDirectory staff, TimeProvider time) : ICommandHandler<AssignCaseCommand, CaseDetail>
{
    public async ValueTask<CaseDetail> Handle(AssignCaseCommand command, CancellationToken cancellationToken)
    {
        var application = await CaseAccess.FindAsync(db, staff, command.Caseworker, command.CaseId, tracked: true, cancellationToken);
        CaseAccess.EnsureMatch(application, command.IfMatch);
        var assignee = command.Assignee switch
        {
            null => null,
            "me" => command.Caseworker.Actor,
            var subject => await ColleagueAsync(subject, application.Department!, cancellationToken),
        };

        if (assignee?.Subject != application.AssigneeSubject)
        {
            db.CaseHistory.Add(application.Assign(command.Caseworker.Actor, assignee, time.GetUtcNow()));
        }

        CaseAccess.LogRead(db, application, command.Caseworker, time);
        await CaseAccess.SaveChangeAsync(db, cancellationToken);
        return await CaseDetails.LoadAsync(db, application, time, cancellationToken);
    }

    private async Task<CaseActor> ColleagueAsync(string subject, string department, CancellationToken cancellationToken)
    {
        var member = await db.StaffMembers.AsNoTracking().FirstOrDefaultAsync(s => s.Subject == subject, cancellationToken)
            ?? throw new RequestValidationException("assignee",
                $"No member of staff '{subject}' is known here. Staff become known with their first use of the case API.");
        return member.CanHandleCases && member.Departments.Contains(department)
            ? new CaseActor(member.Subject, member.Name, IsApplicant: false)
            : throw new RequestValidationException("assignee", $"{member.Name} does not handle cases of department '{department}'.");
    }
}
