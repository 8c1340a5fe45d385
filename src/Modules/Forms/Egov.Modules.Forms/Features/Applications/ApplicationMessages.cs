using System.Text.Json;
using Egov.SharedKernel.Paging;
using Mediator;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>
/// The citizen a request acts for: subject, eIDAS assurance level, preferred language (de/en), and
/// what the identity provider says about them (name, e-mail, OIDC address claim as JSON) for prefilling.
/// </summary>
internal sealed record Applicant(string Subject, string? AssuranceLevel, string Language, string? Name = null, string? Email = null, string? Address = null);

/// <summary>Starts a draft for the current published version of a form (by id or key).</summary>
internal sealed record CreateApplicationCommand(Applicant Applicant, string Form, string? IdempotencyKey) : ICommand<ApplicationResponse>;

/// <summary>Replaces the draft's data (partial data is fine; nothing is validated until submission).</summary>
internal sealed record SaveApplicationDraftCommand(Applicant Applicant, Guid ApplicationId, JsonElement Data) : ICommand<ApplicationResponse>;

/// <summary>Validates, freezes and files the draft; gives the reference number.</summary>
internal sealed record SubmitApplicationCommand(Applicant Applicant, Guid ApplicationId, string? IdempotencyKey) : ICommand<ApplicationResponse>;

/// <summary>Takes the application back (draft or submitted, before a decision).</summary>
internal sealed record WithdrawApplicationCommand(Applicant Applicant, Guid ApplicationId) : ICommand<ApplicationResponse>;

/// <summary>One of the caller's applications.</summary>
internal sealed record GetApplicationQuery(Applicant Applicant, Guid ApplicationId) : IQuery<ApplicationResponse>;

/// <summary>The caller's applications, newest first.</summary>
internal sealed record ListMyApplicationsQuery(Applicant Applicant, string? Cursor, int? Limit) : IQuery<CursorPage<ApplicationSummary>>;

/// <summary>A file as received: the client's name and the bytes.</summary>
internal sealed record UploadedFile(string FileName, byte[] Content);

/// <summary>Adds files to one attachment slot of a draft; all files are stored, or none.</summary>
internal sealed record UploadAttachmentsCommand(Applicant Applicant, Guid ApplicationId, string Slot, IReadOnlyList<UploadedFile> Files)
    : ICommand<IReadOnlyList<AttachmentResponse>>;

/// <summary>Removes a file from a draft.</summary>
internal sealed record DeleteAttachmentCommand(Applicant Applicant, Guid ApplicationId, Guid AttachmentId) : ICommand<Unit>;

/// <summary>
/// What submitting the draft now would refuse, without submitting: the schema check of its data
/// and the required attachment slots, keyed as in the submit's 400 problem (JSON pointers of the
/// fields, <c>attachments/{slot}</c>). Empty when the draft is ready. The portal shows these errors
/// step by step before the citizen submits.
/// </summary>
internal sealed record CheckApplicationDraftQuery(Applicant Applicant, Guid ApplicationId) : IQuery<IReadOnlyDictionary<string, string[]>>;
