using Egov.Modules.Handoff.Domain;

namespace Egov.Modules.Handoff.Features.Handoffs;

/// <summary>
/// Settings of the hand-off to specialist systems (section <c>Egov:Handoff</c>): the targets, each
/// for some forms, and the push retry policy. Checked at startup (<see cref="HandoffOptionsValidator"/>).
/// </summary>
internal sealed class HandoffOptions
{
    public const string SectionName = "Egov:Handoff";

    /// <summary>The targets by key (letters, digits, <c>-</c>; at most 64 characters). The key names the target in the API and the history: never rename a target with deliveries.</summary>
    public Dictionary<string, HandoffTargetOptions> Targets { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Attempts of one push delivery before it is parked for staff (default 8).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failed push attempt; doubled per further failure (default 30 s).</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between push attempts (default 1 h).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long the push worker sleeps when nothing wakes it (default 10 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a claimed push delivery is held; a dead instance's claims run out after this (default 2 min; more than any target's timeout).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Pushes claimed at once per instance (default 8).</summary>
    public int BatchSize { get; set; } = 8;

    /// <summary>Whether push targets may be plain <c>http://</c> (tests and development only; production needs <c>https://</c>).</summary>
    public bool AllowInsecureTargets { get; set; }

    /// <summary>Settings of the xdomea export.</summary>
    public XdomeaOptions Xdomea { get; set; } = new();
}

/// <summary>One specialist system (Fachverfahren).</summary>
internal sealed class HandoffTargetOptions
{
    public HandoffTargetKind Kind { get; set; }

    /// <summary>The forms handed to this target; at least one.</summary>
    public List<HandoffFormOptions> Forms { get; set; } = [];

    /// <summary>Push: the receiver's URL (<c>https://</c>).</summary>
    public Uri? Url { get; set; }

    /// <summary>Push: the shared HMAC-SHA256 key, at least 32 characters (signature as Outreach's webhooks).</summary>
    public string? Secret { get; set; }

    /// <summary>Push: how long one attempt may take before it counts as failed (default 10 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Pull: the <c>sub</c> of the service account's access token (client credentials grant; Keycloak: the service-account user's id).</summary>
    public string? ClientSubject { get; set; }

    /// <summary>Pull: the token's issuer (<c>iss</c>); when set, a token of another trusted issuer with the same <c>sub</c> is refused.</summary>
    public string? ClientIssuer { get; set; }
}

/// <summary>A form (and optionally some of its versions) handed to a target.</summary>
internal sealed class HandoffFormOptions
{
    /// <summary>The form's key, e.g. <c>hundesteuer-anmeldung</c>.</summary>
    public string Key { get; set; } = "";

    /// <summary>The versions handed off; empty: every version.</summary>
    public List<int> Versions { get; set; } = [];

    /// <summary>Only cases of this department (code, e.g. <c>finance</c>); null: any.</summary>
    public string? Department { get; set; }
}

/// <summary>Settings of the xdomea export (section <c>Egov:Handoff:Xdomea</c>).</summary>
internal sealed class XdomeaOptions
{
    /// <summary>The sending authority's name (Behörde), e.g. <c>Stadt Musterstadt</c>.</summary>
    public string Authority { get; set; } = "Stadt Musterstadt";

    /// <summary>The sending authority's short code (Behördenkennung, Kennung), e.g. an agency key; default <c>egov</c>.</summary>
    public string AuthorityCode { get; set; } = "egov";

    /// <summary>The file plan reference (Aktenplankennzeichen) per form key, e.g. <c>hundesteuer-anmeldung</c> → <c>022.31</c>.</summary>
    public Dictionary<string, string> FilePlan { get; set; } = new(StringComparer.Ordinal);
}
