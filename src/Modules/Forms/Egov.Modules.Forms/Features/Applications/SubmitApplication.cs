using System.Text.Json;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Catalog;
using Egov.Modules.Forms.Features.Receipts;
using Egov.Modules.Forms.Persistence;
using Egov.Modules.Payments.Contracts;
using Egov.SharedKernel.Errors;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>Validates, freezes and files the draft; gives the reference number. A form version that asks for payment before submission (<c>fee.payment: beforeSubmission</c>) files only once the fee for the data is paid.</summary>
internal sealed record SubmitApplicationCommand(Applicant Applicant, Guid ApplicationId, string? IdempotencyKey) : ICommand<ApplicationResponse>;

internal sealed class SubmitApplicationValidator : AbstractValidator<SubmitApplicationCommand>
{
    public SubmitApplicationValidator() =>
        RuleFor(c => c.IdempotencyKey).MaximumLength(100).OverridePropertyName("Idempotency-Key").WithName("Idempotency-Key");
}

internal sealed class SubmitApplicationHandler(FormsDbContext db, ReferenceNumbers referenceNumbers, ReceiptIssuer receipts, ReceiptRenderQueue renderQueue, PublishedFormVersions forms, ISender sender, TimeProvider time) : ICommandHandler<SubmitApplicationCommand, ApplicationResponse>
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

        var paidFee = await EnsurePaidAsync(application.Id, version.Content, cleaned, cancellationToken);

        // Taken before the save, in its own statement: the counter is never locked while this
        // submission is saved, so submissions do not queue behind each other (ADR 0012; a failed
        // save leaves a gap). The receipt's PDF is rendered after commit (ADR 0009).
        var reference = await referenceNumbers.NextAsync(cancellationToken);
        var applicant = new CaseApplicant(command.Applicant.Name, command.Applicant.Email, command.Applicant.Language);
        var submitted = application.Submit(cleaned.ToJsonString(), reference, command.IdempotencyKey, version.Content, applicant, time.GetUtcNow());
        db.AddIntegrationEvent(submitted.Submitted);
        db.Record(submitted.Change);
        var receipt = receipts.Issue(application, attachments, paidFee);
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

    /// <summary>
    /// Payment before submission: the fee computed from the data to be filed must be paid (Payments),
    /// else 422 with <c>feeCents</c> and where to pay; a payment for another amount (the data changed
    /// the fee after paying) is 409.
    /// </summary>
    /// <returns>The paid payment, for the receipt (stored with it in this transaction); null when nothing is paid before submission.</returns>
    private async Task<PaidFee?> EnsurePaidAsync(Guid applicationId, FormContent content, System.Text.Json.Nodes.JsonObject data, CancellationToken cancellationToken)
    {
        var cents = content.FeePayment == FeePayment.BeforeSubmission ? FeeRule.Cents(content, data) : 0;
        if (cents <= 0)
        {
            return null;
        }

        var payment = await sender.Send(new GetFeePaymentQuery(applicationId), cancellationToken);
        if (payment?.State != PaymentStates.Paid)
        {
            var unpaid = new DomainRuleException(
                $"This form's fee ({cents / 100m:0.00} EUR) is paid before submission: pay it (POST /api/v1/applications/{applicationId}/payments), then submit.");
            unpaid.Extensions["field"] = "payment";
            unpaid.Extensions["feeCents"] = cents;
            throw unpaid;
        }

        if (payment.AmountCents != cents)
        {
            throw new ConflictException(
                $"The fee paid ({payment.AmountCents / 100m:0.00} EUR) is not the fee for the data now ({cents / 100m:0.00} EUR); change the data back or ask the authority.");
        }

        // Payments stamps every booked payment with its confirmation time; the fallback only keeps the type honest.
        return new PaidFee(payment.PaymentId, payment.AmountCents, payment.Provider, payment.ProviderReference, payment.PaidAt ?? time.GetUtcNow());
    }

    /// <summary>True when this is a retry of the submission that filed it; 409 when it was filed otherwise.</summary>
    private static bool AlreadySubmitted(Application application, string? idempotencyKey) =>
        application.IsSubmitted
        && (idempotencyKey is not null && idempotencyKey == application.SubmissionKey
            ? true
            : throw new ConflictException($"The application is submitted already (reference number {application.ReferenceNumber})."));
}
