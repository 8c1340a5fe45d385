namespace Egov.Modules.Forms.Domain;

/// <summary>Where an online application stands from the citizen's side.</summary>
internal enum ApplicationStatus
{
    /// <summary>Being filled in; only the citizen sees it.</summary>
    Draft,

    /// <summary>Filed: data frozen, reference number given; a case for the department.</summary>
    Submitted,

    /// <summary>Taken back by the citizen before a decision.</summary>
    Withdrawn,
}
