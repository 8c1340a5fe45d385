namespace Egov.Modules.Mobile.Features.Push;

/// <summary>
/// Push settings, configuration section <c>Egov:Push</c> (environment variables <c>Egov__Push__…</c>),
/// checked at startup by <see cref="PushOptionsValidator"/>.
/// </summary>
internal sealed class PushOptions
{
    public const string SectionName = "Egov:Push";

    /// <summary>Whether this instance works off push jobs (default true). Registrations are accepted either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Web Push application server identification (RFC 8292).</summary>
    public VapidSettings Vapid { get; set; } = new();

    /// <summary>Which Web Push endpoints registrations may name.</summary>
    public WebPushSettings WebPush { get; set; } = new();

    /// <summary>Firebase Cloud Messaging HTTP v1; off while <see cref="FcmSettings.ProjectId"/> is empty.</summary>
    public FcmSettings Fcm { get; set; } = new();

    /// <summary>Apple Push Notification service; off while <see cref="ApnsSettings.TeamId"/> is empty.</summary>
    public ApnsSettings Apns { get; set; } = new();

    /// <summary>
    /// Absolute base of the deep links in notifications, with a trailing slash (default: the public
    /// base address + <c>app/</c>, e.g. <c>https://service.musterstadt.de/app/</c>); the app opens
    /// <c>{base}alerts/{id}</c>, <c>{base}announcements/{id}</c>, <c>{base}applications/{id}</c>.
    /// </summary>
    public Uri? DeepLinkBase { get; set; }

    /// <summary>Devices read and pushed to per batch (default 500, 1–5000).</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Requests to push services in flight at once per lane, across batches and jobs (default 1024,
    /// 1–4096); the alert lane and the general lane have this many each. Requests wait on the network, not on
    /// the CPU (the encryption runs on all cores regardless), so the bound is about sockets: by
    /// Little's law, 500 dead endpoints held for a 5 s timeout and 500 slow ones (2 s) among 10,000
    /// take about 1,000 slots while the rest must keep flowing for the last push within 3 s.
    /// </summary>
    public int MaxParallelism { get; set; } = 1024;

    /// <summary>How often an idle fan-out looks for jobs of other instances (default 2 s); jobs of this instance start at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often an idle alert lane looks for alert jobs and shards of other instances (default 250 ms,
    /// 10 ms–2 min): a second instance joins an alert's fan-out within it. One small indexed query per
    /// interval and instance.
    /// </summary>
    public TimeSpan AlertPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Devices per shard of an alert's audience (default 2000, 0: never split; else 10–1,000,000). The
    /// lane that claims an alert job keeps this many devices after its cursor and leaves the rest as a
    /// new job, which any lane of any instance claims and splits again; so several instances share one
    /// alert, and the shards' device ranges never overlap.
    /// </summary>
    public int ShardSize { get; set; } = 2000;

    /// <summary>
    /// Jobs one lane runs at once (default 8, 1–64). A lane claims the next job as soon as every push of
    /// its jobs has started, so slow or dead endpoints still waiting for their answer (or timeout) hold
    /// their slots, never the lane; all jobs of a lane share its <see cref="MaxParallelism"/> slots.
    /// </summary>
    public int JobsPerLane { get; set; } = 8;

    /// <summary>How long a claim holds a job (default 2 min); renewed every third of it while the job runs.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts per push, the first included, when the push service answers 429 or 5xx or cannot be reached (default 4).</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Wait before the first retry when the service names none (default 1 s); doubles per retry, with up to 20 % jitter.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait before a retry (default 1 min); a longer <c>Retry-After</c> gives the push up.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Timeout of one request to a push service (default 5 s, 100 ms–5 min). A push without an answer
    /// within it is given up for this notification, not retried: a dead endpoint costs it once.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Registrations (<c>POST /api/v1/devices</c>) allowed per client IP address and minute (default 10).</summary>
    public int RegistrationsPerMinute { get; set; } = 10;

    internal sealed class VapidSettings
    {
        /// <summary>
        /// Contact of the operator for push services (<c>sub</c> of the VAPID JWT): a <c>mailto:</c>
        /// or <c>https:</c> URI. Default: the public base address.
        /// </summary>
        public string? Subject { get; set; }

        /// <summary>P-256 public key, uncompressed point (65 bytes), base64url — the app's <c>applicationServerKey</c>.</summary>
        public string? PublicKey { get; set; }

        /// <summary>P-256 private key (32 bytes), base64url. Keep it in a secret store.</summary>
        public string? PrivateKey { get; set; }

        /// <summary>Whether both keys are set; without them Web Push is off (Development generates its own).</summary>
        public bool IsConfigured => !string.IsNullOrWhiteSpace(PublicKey) && !string.IsNullOrWhiteSpace(PrivateKey);
    }

    internal sealed class WebPushSettings
    {
        /// <summary>
        /// Hosts of push services (a host or a parent domain) whose endpoints are accepted. Default: the
        /// services of Chrome/Android (fcm.googleapis.com), Firefox (push.services.mozilla.com),
        /// Edge/Windows (notify.windows.com) and Safari (push.apple.com). Empty: any https host.
        /// </summary>
        public List<string> AllowedHosts { get; set; } = [];

        /// <summary>
        /// Development and tests only: also accept http endpoints and any host, IP addresses and
        /// localhost included (a local fake push service). The host refuses to start with it in Production.
        /// </summary>
        public bool AllowInsecureEndpoints { get; set; }

        /// <summary>The hosts in force: the configured ones, or the default list.</summary>
        public IReadOnlyList<string> EffectiveAllowedHosts =>
            AllowedHosts.Count > 0 ? AllowedHosts : ["fcm.googleapis.com", "push.services.mozilla.com", "notify.windows.com", "push.apple.com"];
    }

    internal sealed class FcmSettings
    {
        /// <summary>The Firebase project id; empty: FCM is off and <c>fcm</c> registrations are refused.</summary>
        public string? ProjectId { get; set; }

        /// <summary>Path of the service account key (JSON, as the Firebase console downloads it).</summary>
        public string? ServiceAccountFile { get; set; }

        /// <summary>FCM base address (default <c>https://fcm.googleapis.com/</c>).</summary>
        public Uri Endpoint { get; set; } = new("https://fcm.googleapis.com/");
    }

    internal sealed class ApnsSettings
    {
        /// <summary>The Apple developer team id; empty: APNs is off and <c>apns</c> registrations are refused.</summary>
        public string? TeamId { get; set; }

        /// <summary>Id of the APNs authentication key (.p8).</summary>
        public string? KeyId { get; set; }

        /// <summary>Path of the APNs authentication key file (.p8, PEM, P-256).</summary>
        public string? PrivateKeyFile { get; set; }

        /// <summary>The app's bundle id, sent as <c>apns-topic</c>.</summary>
        public string? BundleId { get; set; }

        /// <summary>APNs base address (default production <c>https://api.push.apple.com/</c>; development builds: <c>https://api.sandbox.push.apple.com/</c>).</summary>
        public Uri Endpoint { get; set; } = new("https://api.push.apple.com/");
    }
}
