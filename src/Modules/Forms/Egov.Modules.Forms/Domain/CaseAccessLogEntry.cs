namespace Egov.Modules.Forms.Domain;

/// <summary>
/// One read of a case's personal data by staff: who, what, when — so an administrator can answer
/// the GDPR question "who viewed this application" (Art. 5(2) accountability, Art. 32 logging).
/// </summary>
internal sealed class CaseAccessLogEntry
{
    private CaseAccessLogEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string ActorSubject { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    /// <summary>What was read, e.g. <c>case</c>, <c>history</c>, <c>messages</c>, <c>attachment:{id}</c>, <c>receipt</c>.</summary>
    public string Resource { get; private set; } = "";

    /// <summary>UTC.</summary>
    public DateTimeOffset At { get; private set; }

    public static CaseAccessLogEntry Create(Guid applicationId, CaseActor actor, string resource, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        ApplicationId = applicationId,
        ActorSubject = actor.Subject,
        ActorName = actor.Name,
        Resource = resource,
        At = at,
    };
}
