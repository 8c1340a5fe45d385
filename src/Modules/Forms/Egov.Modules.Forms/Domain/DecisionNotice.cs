using System.Security.Cryptography;

namespace Egov.Modules.Forms.Domain;

/// <summary>
/// A written decision (Bescheid) issued on a case together with its decision: the PDF as issued,
/// stored once and never changed (PostgreSQL refuses UPDATE and DELETE with a trigger), with the
/// SHA-256 of its bytes as fingerprint, so the applicant's copy can be compared with the city's.
/// </summary>
internal sealed class DecisionNotice
{
    private DecisionNotice()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The case (= application).</summary>
    public Guid ApplicationId { get; private set; }

    public DecisionKind Kind { get; private set; }

    /// <summary>The form version whose template was used.</summary>
    public int FormVersion { get; private set; }

    /// <summary>The notice's heading as printed, e.g. „Bescheid über Ihren Bewohnerparkausweis“.</summary>
    public string Title { get; private set; } = "";

    /// <summary>The caseworker's free text as issued (the decision's reasons or remarks); null when none was given.</summary>
    public string? Text { get; private set; }

    /// <summary>UTC; the notice's date is this instant's calendar day in Europe/Berlin.</summary>
    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>OIDC <c>sub</c> of the caseworker who issued it.</summary>
    public string IssuedBySubject { get; private set; } = "";

    /// <summary>Their display name as it was then.</summary>
    public string IssuedByName { get; private set; } = "";

    /// <summary>The PDF as issued.</summary>
    public byte[] Pdf { get; private set; } = [];

    /// <summary>SHA-256 of <see cref="Pdf"/>, 64 lowercase hex digits: the fingerprint and the download's ETag.</summary>
    public string Sha256 { get; private set; } = "";

    /// <summary>A notice with its PDF, fingerprinted.</summary>
    public static DecisionNotice Issue(
        Guid id, Guid applicationId, DecisionKind kind, int formVersion, string title, string? text, CaseActor caseworker, DateTimeOffset issuedAt, byte[] pdf) => new()
    {
        Id = id,
        ApplicationId = applicationId,
        Kind = kind,
        FormVersion = formVersion,
        Title = title,
        Text = text,
        IssuedAt = issuedAt,
        IssuedBySubject = caseworker.Subject,
        IssuedByName = caseworker.Name,
        Pdf = pdf,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)),
    };
}
