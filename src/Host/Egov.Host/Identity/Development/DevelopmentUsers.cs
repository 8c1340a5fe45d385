using Egov.SharedKernel.Security;

namespace Egov.Host.Identity.Development;

/// <summary>A seeded user of the development provider. Their password is their user name; staff carry one <c>department</c> claim per department (the first is their home department).</summary>
internal sealed record DevelopmentUser(
    string UserName,
    string Subject,
    string Name,
    string Email,
    string Realm,
    string Role,
    IReadOnlyList<string> Departments,
    string? AssuranceLevel,
    string? Address);

/// <summary>
/// The development provider's users: two citizens and one staff member per role. Names and
/// addresses are obviously fake (Mustermann). Development and tests only. The caseworker Clara
/// works for public order and for finance, so the seeded forms of both (the resident parking
/// permit, the dog tax) reach her worklist.
/// </summary>
internal static class DevelopmentUsers
{
    public static IReadOnlyList<DevelopmentUser> All { get; } =
    [
        new("erika", "dev-citizen-erika", "Erika Mustermann", "erika.mustermann@example.org", EgovRealms.Citizen, EgovRoles.Citizen,
            [], AssuranceLevels.Substantial, "Musterweg 12, 58507 Lüdenscheid"),
        new("max", "dev-citizen-max", "Max Mustermann", "max.mustermann@example.org", EgovRealms.Citizen, EgovRoles.Citizen,
            [], AssuranceLevels.Basic, "Beispielstraße 3, 58511 Lüdenscheid"),
        new("caseworker", "dev-staff-caseworker", "Clara Sachbearbeiterin", "caseworker@city.example", EgovRealms.Staff, EgovRoles.Caseworker,
            ["public-order", "finance"], null, null),
        new("caseworker2", "dev-staff-caseworker2", "Karl Sachbearbeiter", "caseworker2@city.example", EgovRealms.Staff, EgovRoles.Caseworker,
            ["citizen-services"], null, null),
        new("editor", "dev-staff-editor", "Eva Redakteurin", "editor@city.example", EgovRealms.Staff, EgovRoles.Editor,
            ["communications"], null, null),
        new("approver", "dev-staff-approver", "Paul Pressesprecher", "approver@city.example", EgovRealms.Staff, EgovRoles.Approver,
            ["press-office"], null, null),
        new("crisis", "dev-staff-crisis", "Kim Krisenstab", "crisis@city.example", EgovRealms.Staff, EgovRoles.CrisisManager,
            ["crisis-management"], null, null),
        new("admin", "dev-staff-admin", "Alex Administrator", "admin@city.example", EgovRealms.Staff, EgovRoles.Administrator,
            ["it"], null, null),
    ];

    public static DevelopmentUser? FindByUserName(string? userName) =>
        All.FirstOrDefault(u => string.Equals(u.UserName, userName, StringComparison.Ordinal));

    public static DevelopmentUser? FindBySubject(string? subject) =>
        All.FirstOrDefault(u => string.Equals(u.Subject, subject, StringComparison.Ordinal));

    /// <summary>Development only: the password of every seeded user is their user name.</summary>
    public static DevelopmentUser? Verify(string? userName, string? password) =>
        FindByUserName(userName) is { } user && string.Equals(password, user.UserName, StringComparison.Ordinal) ? user : null;
}
