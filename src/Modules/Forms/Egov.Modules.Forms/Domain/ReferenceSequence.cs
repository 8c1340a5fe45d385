namespace Egov.Modules.Forms.Domain;

/// <summary>The last reference-number sequence value given out in a calendar year (Europe/Berlin).</summary>
internal sealed class ReferenceSequence
{
    public int Year { get; set; }

    public long LastValue { get; set; }
}
