namespace Egov.Modules.Forms.Domain;

internal enum FormVersionStatus
{
    /// <summary>Being written by an administrator; not visible to citizens.</summary>
    Draft,

    /// <summary>Public and immutable; applications are filed against it.</summary>
    Published,
}
