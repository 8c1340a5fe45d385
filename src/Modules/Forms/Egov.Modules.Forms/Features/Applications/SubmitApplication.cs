using System.Text.Json;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Catalog;
using Egov.Modules.Forms.Features.Receipts;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>Validates, freezes and files the draft; gives the reference number.</summary>
internal sealed record SubmitApplicationCommand(Applicant Applicant, Guid ApplicationId, string? IdempotencyKey) : ICommand<ApplicationResponse>;

internal sealed class SubmitApplicationValidator : AbstractValidator<SubmitApplicationCommand>
{
    public SubmitApplicationValidator() =>
        RuleFor(c => c.IdempotencyKey).MaximumLength(100).OverridePropertyName("Idempotency-Key").WithName("Idempotency-Key");
}

internal sealed class SubmitApplicationHandler(FormsDbContext db, ReferenceNumbers referenceNumbers, ReceiptIssuer receipts, ReceiptRenderQueue renderQueue, PublishedFormVersions forms, TimeProvider time) : ICommandHandler<SubmitApplicationCommand, ApplicationResponse>
{
    public async ValueTask<ApplicationResponse> Handle(SubmitApplicationCommand command, CancellationToken cancellationToken)
    {
        var application = await db.OwnAsync(command.Applicant, command.ApplicationId, cancellationToken);
        if (AlreadySubmitted(application, command.IdempotencyKey))
        {
            return await ApplicationViews.ResponseAsync(db, application, cancellationToken);
        }

        var version = await forms.GetAsync(db, application.FormId, application.FormVersion, cancellationToken);
        ApplicantAccess.EnsureAssurance(version, command.Applicant);

        using var data = JsonDocument.Parse(application.Data);
        var (cleaned, errors) = ApplicationDataChecker.Check(version.Content, data.RootElement, command.Applicant.Language);
        // All of a draft's files are submitted with it: information requests (and their files) come later.
        var files = await ApplicationViews.AttachmentsAsync(db, application.Id, cancellationToken);
        var attachments = files.ConvertAll(a => new ReceiptAttachment(a.Slot, a.FileName, a.SizeBytes, a.Sha256));
        foreach (var (key, message) in AttachmentRules.MissingRequired(version.Content, cleaned, [.. attachments.Select(a => a.Slot)], command.Applicant.Language))
        {
            errors[key] = [message];
        }

        if (cleaned is null || errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        // Taken before the save, in its own statement: the counter is never locked while this
        // submission is saved, so submissions do not queue behind each other (ADR 0012; a failed
        // save leaves a gap). The receipt's PDF is rendered after commit (ADR 0009).
        var reference = await referenceNumbers.NextAsync(cancellationToken);
        var applicant = new CaseApplicant(command.Applicant.Name, command.Applicant.Email, command.Applicant.Language);
        var submitted = application.Submit(cleaned.ToJsonString(), reference, command.IdempotencyKey, version.Content, applicant, time.GetUtcNow());
        db.AddIntegrationEvent(submitted.Submitted);
        db.Record(submitted.Change);
        var receipt = receipts.Issue(application, attachments);
        db.Receipts.Add(receipt);
        try
        {
            // One transaction: the application, its case history, the receipt (fingerprint) and the outbox events.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Another submit of this draft won (a double click, a retry): its row version or its
            // first history entry was there first. Answer like it did when the request is the same
            // one retried, else say it is filed already.
            db.ChangeTracker.Clear();
            var current = await db.OwnAsync(command.Applicant, command.ApplicationId, cancellationToken);
            if (!current.IsSubmitted && ex is not DbUpdateConcurrencyException)
            {
                throw;
            }

            return AlreadySubmitted(current, command.IdempotencyKey)
                ? await ApplicationViews.ResponseAsync(db, current, cancellationToken)
                : throw new ConflictException("The application was changed at the same time; read it again.");
        }

        renderQueue.Enqueue(application.Id);
        return ApplicationViews.JustSubmitted(application, files, submitted.Change.Entry, receipt);
    }

    /// <summary>True when this is a retry of the submission that filed it; 409 when it was filed otherwise.</summary>
    private static bool AlreadySubmitted(Application application, string? idempotencyKey) =>
        application.IsSubmitted
        && (idempotencyKey is not null && idempotencyKey == application.SubmissionKey
            ? true
            : throw new ConflictException($"The application is submitted already (reference number {application.ReferenceNumber})."));
}
