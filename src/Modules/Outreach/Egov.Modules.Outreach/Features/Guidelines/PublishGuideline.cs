using Egov.Modules.Outreach.Domain.Guidelines;
using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Guidelines;

/// <summary>An administrator publishes a new guideline version (<c>POST /api/v1/outreach/guidelines</c>); versions are immutable and everybody acknowledges the new one.</summary>
internal sealed record PublishGuidelineCommand(OutreachActor Actor, PublishGuidelineInput Input) : ICommand<GuidelineView>;

internal sealed class PublishGuidelineValidator(IValidator<PublishGuidelineInput> input) : InputValidator<PublishGuidelineCommand, PublishGuidelineInput>(input, c => c.Input);

internal sealed class PublishGuidelineHandler(OutreachDbContext db, TimeProvider time) : ICommandHandler<PublishGuidelineCommand, GuidelineView>
{
    public async ValueTask<GuidelineView> Handle(PublishGuidelineCommand command, CancellationToken cancellationToken)
    {
        var next = (await db.Guidelines.MaxAsync(g => (int?)g.Version, cancellationToken) ?? 0) + 1;
        var input = command.Input;
        var guideline = Guideline.Publish(next, input.Title!.Trim(), input.Body!, input.ChangeNote, command.Actor.Subject, command.Actor.Name, time.GetUtcNow());
        db.Guidelines.Add(guideline);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException($"Version {next} was published by someone else at the same moment; read the guidelines again.");
        }

        return GuidelineView.From(guideline, next, null);
    }
}
