namespace Egov.Modules.Forms.Domain;

/// <summary>
/// The decision-notice (Bescheid) templates of a form version, in Liquid, one per kind of decision;
/// versioned with the form (a published version's templates never change). A kind without template
/// cannot be issued as a notice for that version (the plain status change stays possible).
/// </summary>
/// <param name="Approval">Notice of an approval (Bewilligung / Erteilung).</param>
/// <param name="Rejection">Notice of a rejection (Ablehnung); must give reasons (VwVfG §39).</param>
/// <param name="Partial">Notice of a partial approval (teilweise Stattgabe): granted, with restrictions or in part.</param>
internal sealed record DecisionTemplates(string? Approval, string? Rejection, string? Partial)
{
    /// <summary>The template of <paramref name="kind"/>, or null when the version has none.</summary>
    public string? For(DecisionKind kind) => kind switch
    {
        DecisionKind.Approval => Approval,
        DecisionKind.Rejection => Rejection,
        DecisionKind.Partial => Partial,
        _ => null,
    };

    /// <summary>The templates present, by kind.</summary>
    public IEnumerable<(DecisionKind Kind, string Source)> All()
    {
        foreach (var kind in Enum.GetValues<DecisionKind>())
        {
            if (For(kind) is { } source)
            {
                yield return (kind, source);
            }
        }
    }
}

/// <summary>The kinds of decision a notice records; the case moves to Approved (approval, partial) or Rejected.</summary>
internal enum DecisionKind
{
    /// <summary>Granted as applied for.</summary>
    Approval,

    /// <summary>Refused.</summary>
    Rejection,

    /// <summary>Granted in part or with restrictions; the rest refused (the text says which).</summary>
    Partial,
}

/// <summary>The names of decision kinds in the API and in templates.</summary>
internal static class DecisionKindNames
{
    /// <summary><c>approval</c>, <c>rejection</c> or <c>partial</c>.</summary>
    public static string ApiName(this DecisionKind kind) => kind.ToString().ToLowerInvariant();
}
