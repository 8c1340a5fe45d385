namespace Egov.Modules.Forms.Domain;

/// <summary>
/// Where an online application stands. After submission it is also the status of its case; the
/// allowed moves are in <see cref="CaseTransitions"/>. Names match <c>ApplicationStatuses</c> of the
/// Forms contracts.
/// </summary>
internal enum ApplicationStatus
{
    /// <summary>Being filled in; only the citizen sees it.</summary>
    Draft,

    /// <summary>Filed: data frozen, reference number given; a case for the department.</summary>
    Submitted,

    /// <summary>Taken back by the citizen before a decision.</summary>
    Withdrawn,

    /// <summary>A caseworker is working on it.</summary>
    InReview,

    /// <summary>The city asked the applicant for documents or data; the deadline clock stops.</summary>
    InformationRequested,

    /// <summary>Decided in the applicant's favour.</summary>
    Approved,

    /// <summary>Decided against the applicant, with a reason.</summary>
    Rejected,

    /// <summary>Filed away after a decision or withdrawal; nothing changes any more.</summary>
    Closed,
}
