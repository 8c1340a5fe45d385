namespace Egov.Modules.Forms.Domain;

/// <summary>
/// A message in a case's thread between applicant and staff, or an internal note that only staff
/// see. Messages are never edited.
/// </summary>
internal sealed class CaseMessage
{
    /// <summary>Longest message body in characters (UTF-16 code units).</summary>
    public const int MaxLength = 5000;

    /// <summary>
    /// Whether a message shows anything: not only white space, zero-width or other invisible
    /// formatting characters (U+200B, U+200E, U+FEFF …), which pass a plain "not empty" check.
    /// </summary>
    public static bool HasVisibleText(string? body) =>
        body is not null && body.Any(c => !char.IsWhiteSpace(c)
            && char.GetUnicodeCategory(c) is not (System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Control));

    private CaseMessage()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string AuthorSubject { get; private set; } = "";

    public string AuthorName { get; private set; } = "";

    /// <summary>True when the applicant wrote it.</summary>
    public bool FromApplicant { get; private set; }

    /// <summary>An internal note: staff only, never shown to the applicant.</summary>
    public bool Internal { get; private set; }

    public string Body { get; private set; } = "";

    /// <summary>Set when the message answers an information request.</summary>
    public Guid? InformationRequestId { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    public static CaseMessage Create(Guid applicationId, CaseActor author, string body, bool isInternal, Guid? informationRequestId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ApplicationId = applicationId,
        AuthorSubject = author.Subject,
        AuthorName = author.Name,
        FromApplicant = author.IsApplicant,
        Internal = isInternal,
        Body = body,
        InformationRequestId = informationRequestId,
        CreatedAt = now,
    };
}
