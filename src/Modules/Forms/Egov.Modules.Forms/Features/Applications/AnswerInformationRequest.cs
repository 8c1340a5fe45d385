using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Scanning;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Files;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>Answers an open information request with a message and files; the case goes back to InReview.</summary>
internal sealed record AnswerInformationRequestCommand(Applicant Applicant, Guid ApplicationId, Guid RequestId, string Message, IReadOnlyList<UploadedFile> Files)
    : ICommand<ApplicationResponse>;

internal sealed class AnswerInformationRequestValidator : AbstractValidator<AnswerInformationRequestCommand>
{
    public AnswerInformationRequestValidator() =>
        RuleFor(c => c.Message).NotEmpty().MaximumLength(Domain.CaseMessage.MaxLength).OverridePropertyName("message").WithName("message");
}

internal sealed class AnswerInformationRequestHandler(FormsDbContext db, UploadScanner scanner, TimeProvider time) : ICommandHandler<AnswerInformationRequestCommand, ApplicationResponse>
{
    /// <summary>
    /// Files answering an information request follow the rules of an upload at submission: PDF, JPEG
    /// or PNG detected from the bytes, at most 10 MB each, at most 10 per answer.
    /// </summary>
    internal static readonly AttachmentSlot AnswerSlot = new(
        "information-request",
        new LocalizedText("Nachgereichte Unterlagen", "Documents provided on request"),
        Required: false,
        RequiredWhen: null,
        AllowedTypes: ["application/pdf", "image/jpeg", "image/png"],
        MaxSizeBytes: 10 * 1024 * 1024,
        MaxCount: 10);

    public async ValueTask<ApplicationResponse> Handle(AnswerInformationRequestCommand command, CancellationToken cancellationToken)
    {
        var application = await db.OwnCaseAsync(command.Applicant, command.ApplicationId, cancellationToken);
        var request = await db.InformationRequests.FirstOrDefaultAsync(r => r.Id == command.RequestId && r.ApplicationId == application.Id, cancellationToken)
            ?? throw new NotFoundException($"Application {application.ReferenceNumber} has no information request {command.RequestId}.");
        if (request.Status != InformationRequestStatus.Open)
        {
            throw new ConflictException(command.Applicant.Language == "de"
                ? "Diese Nachforderung ist bereits beantwortet oder zurückgenommen."
                : "This information request is answered or withdrawn already; it takes no more answers.");
        }

        if (command.Files.Count > 0 && AttachmentRules.Check(AnswerSlot, 0, command.Files, command.Applicant.Language) is { Count: > 0 } errors)
        {
            throw new RequestValidationException(errors);
        }

        var scan = command.Files.Count > 0
            ? await scanner.ScanAsync(command.Files.Select(f => (f.FileName, f.Content)), command.Applicant.Language, cancellationToken)
            : AttachmentScanStatus.Unscanned;
        var now = time.GetUtcNow();
        var actor = new CaseActor(application.ApplicantSubject, application.ApplicantName ?? "", IsApplicant: true);
        var message = command.Message.Trim();
        request.Answered(message, now);
        db.Record(application.InformationProvided(actor, now));
        db.CaseMessages.Add(CaseMessage.Create(application.Id, actor, message, isInternal: false, request.Id, now));
        db.Attachments.AddRange(command.Files.Select(f => Attachment.Create(
            application.Id, AnswerSlot.Name, UploadFileName.Sanitize(f.FileName), FileTypes.Detect(f.Content)!, f.Content, now, scan, request.Id)));
        await db.SaveCaseChangeAsync(cancellationToken);
        return await ApplicationViews.ResponseAsync(db, application, cancellationToken);
    }
}
