namespace Egov.Modules.Announcements.Domain;

/// <summary>
/// One official warning the automatic reader has handled, keyed by its CAP identifier: the
/// primary key is the "never twice" guarantee across host instances (a second instance's insert
/// fails and its work is rolled back with it).
/// </summary>
internal sealed class WarningImport
{
    private WarningImport()
    {
    }

    /// <summary>The warning's CAP <c>identifier</c> as served (e.g. <c>mow.DE-SL-SB-SE035-20260920-35-001</c>).</summary>
    public string Identifier { get; private set; } = "";

    /// <summary>The source as derived from the identifier prefix (MoWaS, DWD, LHP, Police, …).</summary>
    public string Source { get; private set; } = "";

    /// <summary>What became of it.</summary>
    public WarningImportOutcome Outcome { get; private set; }

    /// <summary>The alert made from it; null when it was skipped.</summary>
    public Guid? AnnouncementId { get; private set; }

    /// <summary>Why it was skipped or only drafted although a rule said publish; null otherwise.</summary>
    public string? Note { get; private set; }

    /// <summary>When it was handled (UTC).</summary>
    public DateTimeOffset ImportedAt { get; private set; }

    public static WarningImport Of(string identifier, string source, WarningImportOutcome outcome, Guid? announcementId, string? note, DateTimeOffset now) => new()
    {
        Identifier = identifier,
        Source = source,
        Outcome = outcome,
        AnnouncementId = announcementId,
        Note = note is { Length: > 1000 } ? note[..1000] : note,
        ImportedAt = now,
    };
}

/// <summary>What the automatic reader did with an official warning.</summary>
internal enum WarningImportOutcome
{
    /// <summary>Re-issued by the city at once (break-glass by the reader; an Approver reviews it afterwards).</summary>
    Published,

    /// <summary>A draft alert for the crisis team.</summary>
    Drafted,

    /// <summary>Nothing to re-publish (an exercise, no German text, a Cancel of a warning never imported, unreadable); see the note.</summary>
    Skipped,
}
