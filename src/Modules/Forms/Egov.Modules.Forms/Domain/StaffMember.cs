namespace Egov.Modules.Forms.Domain;

/// <summary>
/// A member of staff as last seen in their token: subject, name and departments. Cases can be
/// assigned only to known staff of the case's department; staff become known with their first
/// request to the case API (the city's staff IdP stays the source of truth).
/// </summary>
internal sealed class StaffMember
{
    private StaffMember()
    {
    }

    /// <summary>OIDC <c>sub</c> at the staff identity provider.</summary>
    public string Subject { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>Department codes from the <c>department</c> claims, e.g. <c>public-order</c>.</summary>
    public List<string> Departments { get; private set; } = [];

    public bool CanHandleCases { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset LastSeenAt { get; private set; }

    public static StaffMember Create(string subject) => new() { Subject = subject };

    /// <summary>Takes what the token says now; returns whether anything changed.</summary>
    public bool Update(string name, IReadOnlyList<string> departments, bool canHandleCases, DateTimeOffset now)
    {
        var changed = Name != name || !Departments.SequenceEqual(departments) || CanHandleCases != canHandleCases
            || now - LastSeenAt > TimeSpan.FromHours(1);
        if (changed)
        {
            Name = name;
            Departments = [.. departments];
            CanHandleCases = canHandleCases;
            LastSeenAt = now;
        }

        return changed;
    }
}
