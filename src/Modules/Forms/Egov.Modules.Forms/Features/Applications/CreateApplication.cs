using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Catalog;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>Starts a draft for the current published version of a form (by id or key).</summary>
internal sealed record CreateApplicationCommand(Applicant Applicant, string Form, string? IdempotencyKey) : ICommand<ApplicationResponse>;

internal sealed class CreateApplicationValidator : AbstractValidator<CreateApplicationCommand>
{
    public CreateApplicationValidator()
    {
        RuleFor(c => c.Form).NotEmpty().MaximumLength(80).WithName("form");
        RuleFor(c => c.IdempotencyKey).MaximumLength(100).OverridePropertyName("Idempotency-Key").WithName("Idempotency-Key");
    }
}

internal sealed class CreateApplicationHandler(FormsDbContext db, PublishedFormVersions forms, TimeProvider time) : ICommandHandler<CreateApplicationCommand, ApplicationResponse>
{
    public async ValueTask<ApplicationResponse> Handle(CreateApplicationCommand command, CancellationToken cancellationToken)
    {
        var subject = command.Applicant.Subject;
        if (command.IdempotencyKey is { } key && await FindByCreationKeyAsync(subject, key, cancellationToken) is { } earlier)
        {
            return earlier.FormKey == command.Form || earlier.FormId.ToString() == command.Form
                ? await ApplicationViews.ResponseAsync(db, earlier, cancellationToken)
                : throw new ConflictException("This Idempotency-Key was used for a draft of another form; use a new key for a new request.");
        }

        var (formKey, version) = await CurrentVersionAsync(command.Form, cancellationToken);
        ApplicantAccess.EnsureAssurance(version, command.Applicant);

        var prefilled = ApplicationPrefill.From(version.Content.Schema, command.Applicant).ToJsonString();
        var application = Application.CreateDraft(formKey, version, subject, prefilled, command.IdempotencyKey, time.GetUtcNow());
        db.Applications.Add(application);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (command.IdempotencyKey is not null)
        {
            // The same request ran twice at once; the other one created the draft.
            db.ChangeTracker.Clear();
            return await ApplicationViews.ResponseAsync(db, await FindByCreationKeyAsync(subject, command.IdempotencyKey, cancellationToken)
                ?? throw new ConflictException("The draft could not be created; try again."), cancellationToken);
        }

        // A new draft has no files yet.
        return ApplicationResponse.From(application, [], null);
    }

    /// <summary>
    /// The form's current version (the published one with the highest number): its number in one
    /// small query, the version itself from <see cref="PublishedFormVersions"/>. Reading the form with
    /// all its versions' documents (tens of KB of JSON each) for every new draft cost more than the rest
    /// of creating it.
    /// </summary>
    /// <exception cref="NotFoundException">No such form, or it is retired or has no published version.</exception>
    private async Task<(string FormKey, FormVersion Version)> CurrentVersionAsync(string idOrKey, CancellationToken cancellationToken)
    {
        var definitions = db.FormDefinitions.AsNoTracking().IgnoreAutoIncludes();
        definitions = Guid.TryParse(idOrKey, out var id) ? definitions.Where(f => f.Id == id) : definitions.Where(f => f.Key == idOrKey);
        var found = await definitions
            .Select(f => new
            {
                f.Id,
                f.Key,
                f.RetiredAt,
                Current = f.Versions.Where(v => v.Status == FormVersionStatus.Published).Max(v => (int?)v.Number),
            })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"There is no form '{idOrKey}'.");
        return found is { RetiredAt: null, Current: { } number }
            ? (found.Key, await forms.GetAsync(db, found.Id, number, cancellationToken))
            : throw new NotFoundException($"Form '{idOrKey}' has no published version.");
    }

    private Task<Application?> FindByCreationKeyAsync(string subject, string key, CancellationToken cancellationToken) =>
        db.Applications.FirstOrDefaultAsync(a => a.ApplicantSubject == subject && a.CreationKey == key, cancellationToken);
}
