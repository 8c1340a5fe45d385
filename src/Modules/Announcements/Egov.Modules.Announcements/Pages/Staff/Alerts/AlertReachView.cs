using System.Globalization;
using Egov.Modules.Outreach.Contracts;
using Egov.SharedKernel.Time;
using Egov.SharedKernel.Web;

namespace Egov.Modules.Announcements.Pages.Staff.Alerts;

/// <summary>
/// An alert's reach as the staff alert page shows it and <c>alert-reach.js</c> receives it (JSON of the
/// page's <c>Reach</c> handler): one row per crisis channel and one for app push, with the texts
/// already in the reader's language so the script only copies them.
/// </summary>
/// <param name="AsOf">When Outreach read the counts (UTC).</param>
/// <param name="AsOfText">That instant as <c>HH:mm:ss</c> in Europe/Berlin.</param>
/// <param name="Rows">The channels ordered by name, then the app-push row.</param>
internal sealed record AlertReachView(DateTimeOffset AsOf, string AsOfText, IReadOnlyList<AlertReachRow> Rows)
{
    /// <summary>The view of <paramref name="reach"/>, in the current UI language.</summary>
    public static AlertReachView From(AlertReach reach) => new(
        reach.AsOf,
        CivilTime.ToBerlin(reach.AsOf).ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        [
            .. reach.Channels.Select(c => new AlertReachRow(c.ChannelName, KindName(c.ChannelKind), c.Sent, c.Failed, c.Pending)),
            new AlertReachRow(PortalText.Pick("App-Push (Geräte)", "App push (devices)"), KindName(OutreachChannelKinds.AppPush), reach.Push.Sent, reach.Push.Failed, reach.Push.Pending),
        ]);

    private static string KindName(string kind) => kind switch
    {
        OutreachChannelKinds.Mastodon => "Mastodon",
        OutreachChannelKinds.Telegram => "Telegram",
        OutreachChannelKinds.Bluesky => "Bluesky",
        OutreachChannelKinds.Webhook => "Webhook",
        OutreachChannelKinds.AppPush => "Web Push / FCM / APNs",
        _ => kind,
    };
}

/// <summary>One row of the reach table: deliveries (for app push: devices) sent, given up and still to go.</summary>
internal sealed record AlertReachRow(string Name, string Kind, int Sent, int Failed, int Pending);
