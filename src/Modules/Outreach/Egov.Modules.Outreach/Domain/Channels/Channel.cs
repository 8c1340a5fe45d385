using Egov.Modules.Outreach.Contracts;
using Egov.SharedKernel.Errors;

namespace Egov.Modules.Outreach.Domain.Channels;

/// <summary>
/// An outbound channel the city posts to in its name (Kanal): a Mastodon account on an instance, a
/// Telegram channel, a Bluesky account, a signed webhook or the city app's push. Managed by
/// administrators. Credentials are stored only in protected form (ASP.NET Data Protection) and are
/// never returned; the data-protection assessment (Art. 35 GDPR; joint controllership with the
/// platform, Art. 26 GDPR, CJEU C-210/16 "Fanpages") is recorded with the channel.
/// </summary>
internal sealed class Channel
{
    private Channel()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>One of <see cref="OutreachChannelKinds"/>.</summary>
    public string Kind { get; private set; } = "";

    /// <summary>Display name, unique, e.g. <c>@stadt@social.example</c>.</summary>
    public string Name { get; private set; } = "";

    public bool Enabled { get; private set; }

    /// <summary>Whether crisis posts (alerts) go out here.</summary>
    public bool CrisisCapable { get; private set; }

    /// <summary>The organisational unit that answers for the channel, e.g. <c>Pressestelle</c>.</summary>
    public string OwningUnit { get; private set; } = "";

    /// <summary>
    /// The platform address: Mastodon instance base URL, Bluesky PDS base URL, Telegram chat id
    /// (e.g. <c>@stadt_info</c>), webhook URL; null for app push.
    /// </summary>
    public string? Address { get; private set; }

    /// <summary>The account on the platform: Mastodon/Bluesky handle; null where the address says it all.</summary>
    public string? Account { get; private set; }

    /// <summary>The credentials as JSON, protected with ASP.NET Data Protection; never returned by the API.</summary>
    public string? ProtectedCredentials { get; private set; }

    public DateTimeOffset? CredentialsChangedAt { get; private set; }

    /// <summary>Whether a data-protection assessment (DPIA, Art. 35 GDPR) was done for this channel.</summary>
    public bool AssessmentDone { get; private set; }

    /// <summary>When the assessment was concluded (calendar date, Europe/Berlin).</summary>
    public DateOnly? AssessedOn { get; private set; }

    /// <summary>Note on joint controllership with the platform (Art. 26 GDPR), e.g. where the agreement is filed.</summary>
    public string? JointControllershipNote { get; private set; }

    /// <summary>Public posts must carry the imprint/privacy link (channel rule of the guidelines).</summary>
    public bool RequiresImprintLink { get; private set; }

    /// <summary>Whether and how published announcements are shared here.</summary>
    public CrossPostPolicy CrossPostPolicy { get; private set; }

    /// <summary>The platform's limits; see <see cref="ChannelLimits"/>.</summary>
    public ChannelLimits Limits { get; private set; } = null!;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Concurrency token (ETag).</summary>
    public int Version { get; private set; }

    /// <summary>
    /// The acknowledgement policy: texts the press office approved once (e.g. „Danke für Ihren Hinweis, wir kümmern uns.“)
    /// that may answer a citizen on this channel without a second person. Empty: every answer needs four eyes.
    /// </summary>
    public List<string> AcknowledgementTexts { get; private set; } = [];

    /// <summary>When the channel was retired (UTC), or null while it is served. A retired channel takes no new posts.</summary>
    public DateTimeOffset? RetiredAt { get; private set; }

    /// <summary>The subject of the administrator who retired it.</summary>
    public string? RetiredBy { get; private set; }

    /// <summary>Their display name, for the record.</summary>
    public string? RetiredByName { get; private set; }

    /// <summary>Why the channel was given up (e.g. the platform changed its terms).</summary>
    public string? RetirementReason { get; private set; }

    /// <summary>The farewell post drafted at retirement: the one post the retired channel still sends once it is approved.</summary>
    public Guid? FarewellPostId { get; private set; }

    /// <summary>Whether the channel was retired.</summary>
    public bool Retired => RetiredAt is not null;

    /// <summary>Whether <paramref name="postId"/> may go out here: the channel is enabled, or it is the retired channel's farewell.</summary>
    public bool Accepts(Guid? postId) => Enabled || (postId is not null && postId == FarewellPostId);

    public static Channel Create(string kind, ChannelSettings settings, ChannelLimits limits, string? protectedCredentials, DateTimeOffset now)
    {
        var channel = new Channel
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            CreatedAt = now,
        };
        channel.Apply(settings, now);
        channel.Limits = limits;
        if (protectedCredentials is not null)
        {
            channel.ReplaceCredentials(protectedCredentials, now);
        }

        return channel;
    }

    public void Update(ChannelSettings settings, DateTimeOffset now)
    {
        Apply(settings, now);
        Version++;
    }

    public void ReplaceCredentials(string protectedCredentials, DateTimeOffset now)
    {
        ProtectedCredentials = protectedCredentials;
        CredentialsChangedAt = now;
        UpdatedAt = now;
        Version++;
    }

    public void RefreshLimits(ChannelLimits limits, DateTimeOffset now)
    {
        Limits = limits;
        UpdatedAt = now;
    }

    /// <summary>Sets the acknowledgement policy's texts (empty: none).</summary>
    public void SetAcknowledgementTexts(IReadOnlyList<string> texts, DateTimeOffset now)
    {
        AcknowledgementTexts = [.. texts];
        UpdatedAt = now;
        Version++;
    }

    /// <summary>
    /// Retires the channel for good: disabled (no new posts, no crisis fan-out, out of the public register), with who, when
    /// and why on record; only <paramref name="farewellPostId"/> may still go out here.
    /// </summary>
    /// <exception cref="ConflictException">It is retired already.</exception>
    public void Retire(string reason, string subject, string name, Guid? farewellPostId, DateTimeOffset now)
    {
        if (Retired)
        {
            throw new ConflictException($"The channel {Name} was retired on {RetiredAt:yyyy-MM-dd} already.");
        }

        Enabled = false;
        CrisisCapable = false;
        CrossPostPolicy = CrossPostPolicy.None;
        RetiredAt = now;
        RetiredBy = subject;
        RetiredByName = name;
        RetirementReason = reason;
        FarewellPostId = farewellPostId;
        UpdatedAt = now;
        Version++;
    }

    private void Apply(ChannelSettings settings, DateTimeOffset now)
    {
        Name = settings.Name;
        Enabled = settings.Enabled;
        CrisisCapable = settings.CrisisCapable;
        OwningUnit = settings.OwningUnit;
        Address = settings.Address;
        Account = settings.Account;
        AssessmentDone = settings.AssessmentDone;
        AssessedOn = settings.AssessedOn;
        JointControllershipNote = settings.JointControllershipNote;
        RequiresImprintLink = settings.RequiresImprintLink;
        CrossPostPolicy = settings.CrossPostPolicy;
        UpdatedAt = now;
    }
}

/// <summary>The administrator-editable settings of a channel (everything but kind, credentials and limits).</summary>
internal sealed record ChannelSettings(
    string Name,
    bool Enabled,
    bool CrisisCapable,
    string OwningUnit,
    string? Address,
    string? Account,
    bool AssessmentDone,
    DateOnly? AssessedOn,
    string? JointControllershipNote,
    bool RequiresImprintLink,
    CrossPostPolicy CrossPostPolicy);
