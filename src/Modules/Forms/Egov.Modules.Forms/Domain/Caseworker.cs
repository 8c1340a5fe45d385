namespace Egov.Modules.Forms.Domain;

/// <summary>
/// The member of staff a case request acts for: OIDC <c>sub</c>, display name, the departments of
/// their <c>department</c> claims, and whether they are an Administrator (who sees every department).
/// </summary>
internal sealed record Caseworker(string Subject, string Name, IReadOnlyList<string> Departments, bool IsAdministrator)
{
    public CaseActor Actor => new(Subject, Name, IsApplicant: false);

    /// <summary>Whether the case of <paramref name="department"/> is theirs to see.</summary>
    public bool Covers(string? department) => IsAdministrator || (department is not null && Departments.Contains(department));
}
