namespace Egov.Modules.Forms.Domain;

/// <summary>
/// The citizen a request acts for: subject, eIDAS assurance level, preferred language (de/en), and
/// what the identity provider says about them (name, e-mail, OIDC address claim as JSON) for prefilling.
/// </summary>
internal sealed record Applicant(string Subject, string? AssuranceLevel, string Language, string? Name = null, string? Email = null, string? Address = null);
