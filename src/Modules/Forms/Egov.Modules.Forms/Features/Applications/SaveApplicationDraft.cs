using System.Text.Json;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using FluentValidation;
using Mediator;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>Replaces the draft's data (partial data is fine; nothing is validated until submission).</summary>
internal sealed record SaveApplicationDraftCommand(Applicant Applicant, Guid ApplicationId, JsonElement Data) : ICommand<ApplicationResponse>;

internal sealed class SaveApplicationDraftValidator : AbstractValidator<SaveApplicationDraftCommand>
{
    /// <summary>Drafts are small JSON objects; 1 MB of form data is far beyond any real form.</summary>
    public SaveApplicationDraftValidator() =>
        RuleFor(c => c.Data).Must(d => d.ValueKind == System.Text.Json.JsonValueKind.Object)
            .WithMessage("The application data must be a JSON object.").OverridePropertyName("data").WithName("data");
}

internal sealed class SaveApplicationDraftHandler(FormsDbContext db, TimeProvider time) : ICommandHandler<SaveApplicationDraftCommand, ApplicationResponse>
{
    public async ValueTask<ApplicationResponse> Handle(SaveApplicationDraftCommand command, CancellationToken cancellationToken)
    {
        var application = await db.OwnAsync(command.Applicant, command.ApplicationId, cancellationToken);
        // Cleaned on every save too: a NUL character would not even fit into PostgreSQL's jsonb.
        application.SaveDraft(ApplicationDataChecker.CleanElement(command.Data), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await ApplicationViews.ResponseAsync(db, application, cancellationToken);
    }
}
