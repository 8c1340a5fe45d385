using System.Text.Json;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Catalog;
using Egov.Modules.Forms.Features.Receipts;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Files;
using Egov.SharedKernel.Paging;
using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>A citizen's online applications: draft, save, submit, withdraw, read.</summary>
internal sealed class ApplicationHandlers(
    FormsDbContext db, ReferenceNumbers referenceNumbers, ReceiptIssuer receipts, ReceiptRenderQueue renderQueue, PublishedFormVersions forms, TimeProvider time) :
    ICommandHandler<CreateApplicationCommand, ApplicationResponse>,
    ICommandHandler<SaveApplicationDraftCommand, ApplicationResponse>,
    ICommandHandler<SubmitApplicationCommand, ApplicationResponse>,
    ICommandHandler<WithdrawApplicationCommand, ApplicationResponse>,
    IQueryHandler<GetApplicationQuery, ApplicationResponse>,
    IQueryHandler<ListMyApplicationsQuery, CursorPage<ApplicationSummary>>,
    ICommandHandler<UploadAttachmentsCommand, IReadOnlyList<AttachmentResponse>>,
    ICommandHandler<DeleteAttachmentCommand, Unit>
{
    public async ValueTask<ApplicationResponse> Handle(CreateApplicationCommand command, CancellationToken cancellationToken)
    {
        var subject = command.Applicant.Subject;
        if (command.IdempotencyKey is { } key && await FindByCreationKeyAsync(subject, key, cancellationToken) is { } earlier)
        {
            return earlier.FormKey == command.Form || earlier.FormId.ToString() == command.Form
                ? await ResponseAsync(earlier, cancellationToken)
                : throw new ConflictException("This Idempotency-Key was used for a draft of another form; use a new key for a new request.");
        }

        var (formKey, version) = await CurrentVersionAsync(command.Form, cancellationToken);
        EnsureAssurance(version, command.Applicant);

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
            return await ResponseAsync(await FindByCreationKeyAsync(subject, command.IdempotencyKey, cancellationToken)
                ?? throw new ConflictException("The draft could not be created; try again."), cancellationToken);
        }

        // A new draft has no files yet.
        return ApplicationResponse.From(application, [], null);
    }

    public async ValueTask<ApplicationResponse> Handle(SaveApplicationDraftCommand command, CancellationToken cancellationToken)
    {
        var application = await OwnAsync(command.Applicant, command.ApplicationId, cancellationToken);
        // Cleaned on every save too: a NUL character would not even fit into PostgreSQL's jsonb.
        application.SaveDraft(ApplicationDataChecker.CleanElement(command.Data), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await ResponseAsync(application, cancellationToken);
    }

    public async ValueTask<ApplicationResponse> Handle(SubmitApplicationCommand command, CancellationToken cancellationToken)
    {
        var application = await OwnAsync(command.Applicant, command.ApplicationId, cancellationToken);
        if (AlreadySubmitted(application, command.IdempotencyKey))
        {
            return await ResponseAsync(application, cancellationToken);
        }

        var version = await forms.GetAsync(db, application.FormId, application.FormVersion, cancellationToken);
        EnsureAssurance(version, command.Applicant);

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
            var current = await OwnAsync(command.Applicant, command.ApplicationId, cancellationToken);
            if (!current.IsSubmitted && ex is not DbUpdateConcurrencyException)
            {
                throw;
            }

            return AlreadySubmitted(current, command.IdempotencyKey)
                ? await ResponseAsync(current, cancellationToken)
                : throw new ConflictException("The application was changed at the same time; read it again.");
        }

        renderQueue.Enqueue(application.Id);
        return ApplicationViews.JustSubmitted(application, files, submitted.Change.Entry, receipt);
    }

    public async ValueTask<ApplicationResponse> Handle(WithdrawApplicationCommand command, CancellationToken cancellationToken)
    {
        var application = await OwnAsync(command.Applicant, command.ApplicationId, cancellationToken);
        var now = time.GetUtcNow();
        if (application.Withdraw(now) is { } change)
        {
            db.Record(change);
            foreach (var open in await db.InformationRequests.Where(r => r.ApplicationId == application.Id && r.Status == InformationRequestStatus.Open).ToListAsync(cancellationToken))
            {
                open.Cancel(now);
            }
        }

        await SaveCaseChangeAsync(cancellationToken);
        return await ResponseAsync(application, cancellationToken);
    }

    public async ValueTask<ApplicationResponse> Handle(GetApplicationQuery query, CancellationToken cancellationToken) =>
        await ResponseAsync(await OwnAsync(query.Applicant, query.ApplicationId, cancellationToken), cancellationToken);

    public async ValueTask<IReadOnlyList<AttachmentResponse>> Handle(UploadAttachmentsCommand command, CancellationToken cancellationToken)
    {
        var application = await OwnAsync(command.Applicant, command.ApplicationId, cancellationToken);
        if (application.Status != ApplicationStatus.Draft)
        {
            throw new ConflictException($"The application is {application.Status}; files can only be added to a draft.");
        }

        var version = await forms.GetAsync(db, application.FormId, application.FormVersion, cancellationToken);
        var slot = version.Content.AttachmentSlots.FirstOrDefault(s => s.Name == command.Slot)
            ?? throw new RequestValidationException("slot", $"This form has no attachment slot '{command.Slot}'.");
        var existing = await db.Attachments.CountAsync(a => a.ApplicationId == application.Id && a.Slot == slot.Name, cancellationToken);

        var errors = AttachmentRules.Check(slot, existing, command.Files, command.Applicant.Language);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var now = time.GetUtcNow();
        var added = command.Files
            .Select(f => Attachment.Create(application.Id, slot.Name, UploadFileName.Sanitize(f.FileName), FileTypes.Detect(f.Content)!, f.Content, now))
            .ToList();
        db.Attachments.AddRange(added);
        application.TouchAttachments(now);
        await db.SaveChangesAsync(cancellationToken);
        return [.. added.Select(AttachmentResponse.From)];
    }

    public async ValueTask<Unit> Handle(DeleteAttachmentCommand command, CancellationToken cancellationToken)
    {
        var application = await OwnAsync(command.Applicant, command.ApplicationId, cancellationToken);
        var attachment = await db.Attachments.FirstOrDefaultAsync(a => a.Id == command.AttachmentId && a.ApplicationId == application.Id, cancellationToken)
            ?? throw new NotFoundException($"There is no attachment {command.AttachmentId} on this application.");
        db.Attachments.Remove(attachment);
        application.TouchAttachments(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private Task<ApplicationResponse> ResponseAsync(Application application, CancellationToken cancellationToken) =>
        ApplicationViews.ResponseAsync(db, application, cancellationToken);

    public async ValueTask<CursorPage<ApplicationSummary>> Handle(ListMyApplicationsQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? Cursor.DefaultPageSize;
        var after = Cursor.Decode<Position>(query.Cursor);
        var mine = db.Applications.AsNoTracking().Where(a => a.ApplicantSubject == query.Applicant.Subject);
        if (after is not null)
        {
            mine = mine.Where(a => a.CreatedAt < after.CreatedAt || (a.CreatedAt == after.CreatedAt && a.Id.CompareTo(after.Id) < 0));
        }

        var rows = await mine.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(limit + 1)
            .Select(a => new ApplicationSummary(a.Id, a.FormKey, a.FormVersion, a.Status.ToString(), a.ReferenceNumber, a.CreatedAt, a.SubmittedAt))
            .ToListAsync(cancellationToken);
        var items = rows.Count > limit ? rows[..limit] : rows;
        return new CursorPage<ApplicationSummary>(items, rows.Count > limit ? Cursor.Encode(new Position(items[^1].CreatedAt, items[^1].Id)) : null);
    }

    /// <summary>True when this is a retry of the submission that filed it; 409 when it was filed otherwise.</summary>
    private static bool AlreadySubmitted(Application application, string? idempotencyKey) =>
        application.IsSubmitted
        && (idempotencyKey is not null && idempotencyKey == application.SubmissionKey
            ? true
            : throw new ConflictException($"The application is submitted already (reference number {application.ReferenceNumber})."));

    /// <summary>Saves a change the applicant made to their case; a caseworker's change at the same time wins.</summary>
    /// <exception cref="ConflictException">The case changed at the same time.</exception>
    private async Task SaveCaseChangeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The row version moved on, or the other change took the next history sequence first.
            throw new ConflictException("The application was changed at the same time; read it again and retry.");
        }
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

    /// <summary>The caller's own application; someone else's is reported as missing, not forbidden.</summary>
    private async Task<Application> OwnAsync(Applicant applicant, Guid id, CancellationToken cancellationToken) =>
        await db.Applications.FirstOrDefaultAsync(a => a.Id == id && a.ApplicantSubject == applicant.Subject, cancellationToken)
        ?? throw new NotFoundException($"There is no application {id}.");

    private Task<Application?> FindByCreationKeyAsync(string subject, string key, CancellationToken cancellationToken) =>
        db.Applications.FirstOrDefaultAsync(a => a.ApplicantSubject == subject && a.CreationKey == key, cancellationToken);

    /// <summary>eIDAS levels are ordered: basic &lt; substantial &lt; high.</summary>
    private static void EnsureAssurance(FormVersion version, Applicant applicant)
    {
        var required = version.Content.RequiredAssuranceLevel;
        if (AssuranceLevels.Rank(applicant.AssuranceLevel) < AssuranceLevels.Rank(required))
        {
            throw new ForbiddenException(
                $"This form needs the assurance level '{required}'; you signed in with '{applicant.AssuranceLevel ?? "none"}'. " +
                "Sign in again with a stronger means of identification (e.g. the online ID card).");
        }
    }

    internal sealed record Position(DateTimeOffset CreatedAt, Guid Id);
}
