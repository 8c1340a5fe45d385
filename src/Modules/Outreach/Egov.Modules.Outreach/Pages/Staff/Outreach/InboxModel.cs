using Egov.Modules.Outreach.Features.Channels;
using Egov.Modules.Outreach.Features.Channels.Kinds;
using Egov.Modules.Outreach.Features.Inbox;
using Egov.Modules.Outreach.Features.Posts;
using Egov.SharedKernel.Paging;
using Egov.SharedKernel.Security;
using Egov.SharedKernel.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Egov.Modules.Outreach.Pages.Staff.Outreach;

/// <summary>
/// The staff inbox at <c>/staff/outreach/inbox</c>: citizens' replies, comments and mentions, newest first, filtered by
/// channel, answered or not, flagged and "mine", 20 to a page. Each item can be assigned (to me, or to nobody), flagged
/// with a reason, and answered by an editor: the answer becomes a reply post submitted for approval (ADR 0026), and the
/// page goes on to that post; a second person releases it on the approvals page. The module's refusals (personal data
/// in the answer, the guidelines gate, an item answered meanwhile) are shown on the page, never as an error page.
/// </summary>
[Authorize(Policy = EgovPolicies.Staff)]
internal sealed class InboxModel(ISender sender, IEnumerable<IChannelAdapter> adapters) : OutreachPage
{
    public const string Path = "/staff/outreach/inbox";

    public const int PageSize = 20;

    /// <summary>The channel filter, or null for all.</summary>
    public Guid? Channel { get; private set; }

    /// <summary><c>unanswered</c>, <c>answered</c> or null for both.</summary>
    public string? Show { get; private set; }

    /// <summary><c>yes</c>, <c>no</c> or null for both.</summary>
    public string? Flag { get; private set; }

    /// <summary>Only the items assigned to me.</summary>
    public bool Mine { get; private set; }

    public CursorPage<InboxItemView> Items { get; private set; } = new([], null);

    public IReadOnlyList<ChannelView> Channels { get; private set; } = [];

    /// <summary>May answer (an editor); everyone who reads posts may assign and flag.</summary>
    public bool MayAnswer => Actor.MayDraft(crisis: false);

    /// <summary>The item the last refused action was about.</summary>
    public Guid? RefusedItem { get; private set; }

    /// <summary>The answer's text as typed, kept when refused.</summary>
    public string? AnswerText { get; private set; }

    public string? Done { get; private set; }

    // The refused action was hiding or reporting: its reason field is the moderation form's, not the flag's.
    private bool _moderating;

    /// <summary>What the platform of an item's channel lets the city do about it: <c>hide</c>, <c>report</c>, or null (nothing).</summary>
    public string? ModerationOf(InboxItemView item) =>
        Actor.IsEditor || Actor.IsApprover ? adapters.OfType<IInboxModerator>().FirstOrDefault(m => m.Kind == item.ChannelKind)?.Action : null;

    public async Task OnGetAsync(Guid? channel, string? show, string? flag, bool? mine, string? cursor, string? done, CancellationToken cancellationToken)
    {
        PostRules.EnsureMayRead(Actor);
        Done = done is "assigned" or "unassigned" or "flagged" or "unflagged" or "hidden" or "reported" ? done : null;
        await LoadAsync(channel, show, flag, mine, cursor, cancellationToken);
    }

    public Task<IActionResult> OnPostAssignAsync(Guid itemId, bool unassign, Guid? channel, string? show, string? flag, bool? mine, CancellationToken cancellationToken) =>
        ActAsync(itemId, () => sender.Send(new AssignInboxItemCommand(Actor, itemId, new AssignInboxInput(null, unassign)), cancellationToken).AsTask(),
            unassign ? "unassigned" : "assigned", channel, show, flag, mine, cancellationToken);

    public Task<IActionResult> OnPostFlagAsync(Guid itemId, bool flagged, string? reason, Guid? channel, string? show, string? flag, bool? mine, CancellationToken cancellationToken) =>
        ActAsync(itemId, () => sender.Send(new FlagInboxItemCommand(Actor, itemId, new FlagInboxInput(flagged, reason)), cancellationToken).AsTask(),
            flagged ? "flagged" : "unflagged", channel, show, flag, mine, cancellationToken);

    public Task<IActionResult> OnPostModerateAsync(Guid itemId, string? action, string? reason, Guid? channel, string? show, string? flag, bool? mine, CancellationToken cancellationToken)
    {
        _moderating = true;
        return ActAsync(itemId, () => sender.Send(new ModerateInboxItemCommand(Actor, itemId, new ModerateInboxInput(action, reason)), cancellationToken).AsTask(),
            action == InboxModeration.Report ? "reported" : "hidden", channel, show, flag, mine, cancellationToken);
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid itemId, string? text, Guid? channel, string? show, string? flag, bool? mine, CancellationToken cancellationToken)
    {
        PostRules.EnsureMayRead(Actor);
        PostView? post = null;
        if (await TryAsync(async () => post = await sender.Send(new AnswerInboxItemCommand(Actor, itemId, new AnswerInboxInput(text, null)), cancellationToken)))
        {
            return Redirect($"/staff/outreach/posts/{post!.Id}?saved=submitted");
        }

        RefusedItem = itemId;
        AnswerText = text;
        await LoadAsync(channel, show, flag, mine, null, cancellationToken);
        return Page();
    }

    public override string FieldId(string key) => key switch
    {
        "cursor" => "inbox-heading",
        "reason" or "action" when _moderating => $"moderation-{RefusedItem}",
        "reason" => $"reason-{RefusedItem}",
        _ => $"answer-{RefusedItem}",
    };

    public override string FieldLabel(string key) => key switch
    {
        "reason" or "action" when _moderating => PortalText.Pick("Grund", "Reason"),
        "reason" => PortalText.Pick("Grund der Markierung", "Reason for the flag"),
        "cursor" => PortalText.Pick("Seite", "Page"),
        _ => PortalText.Pick("Antwort", "Answer"),
    };

    /// <summary>The page's address with the current filters and more parameters (e.g. <c>handler=Assign</c>).</summary>
    public string PageUrl(params (string Name, string? Value)[] extra)
    {
        var query = new List<(string Name, string? Value)>(extra)
        {
            ("channel", Channel?.ToString()),
            ("show", Show),
            ("flag", Flag),
            ("mine", Mine ? "true" : null),
        };
        var pairs = query.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return pairs.Count == 0 ? Path : $"{Path}?{string.Join('&', pairs)}";
    }

    /// <summary>The name of an item's channel (its kind if the channel is gone).</summary>
    public string ChannelName(InboxItemView item) => Channels.FirstOrDefault(c => c.Id == item.ChannelId)?.Name ?? item.ChannelKind;

    /// <summary>An item's kind in words.</summary>
    public static string KindName(string kind) => kind switch
    {
        "reply" => PortalText.Pick("Antwort", "Reply"),
        "mention" => PortalText.Pick("Erwähnung", "Mention"),
        "comment" => PortalText.Pick("Kommentar", "Comment"),
        _ => kind,
    };

    /// <summary>Whether an item is assigned to me.</summary>
    public bool IsMine(InboxItemView item) => item.AssignedTo == Actor.Subject;

    private async Task<IActionResult> ActAsync(Guid itemId, Func<Task> action, string done, Guid? channel, string? show, string? flag, bool? mine, CancellationToken cancellationToken)
    {
        PostRules.EnsureMayRead(Actor);
        if (await TryAsync(action))
        {
            SetFilters(channel, show, flag, mine);
            return Redirect(PageUrl(("done", done)) + $"#item-{itemId}");
        }

        RefusedItem = itemId;
        await LoadAsync(channel, show, flag, mine, null, cancellationToken);
        return Page();
    }

    private void SetFilters(Guid? channel, string? show, string? flag, bool? mine)
    {
        Channel = channel;
        Show = show is "unanswered" or "answered" ? show : null;
        Flag = flag is "yes" or "no" ? flag : null;
        Mine = mine == true;
    }

    private async Task LoadAsync(Guid? channel, string? show, string? flag, bool? mine, string? cursor, CancellationToken cancellationToken)
    {
        SetFilters(channel, show, flag, mine);
        Channels = await sender.Send(new ListChannelsQuery(null), cancellationToken);
        var query = new ListInboxQuery(Actor, Channel, Show is null ? null : Show == "unanswered", Flag is null ? null : Flag == "yes", Mine ? "me" : null, cursor, PageSize);
        var errorsBefore = Errors.Count;
        if (!await TryAsync(async () => Items = await sender.Send(query, cancellationToken)) && Errors.Count > errorsBefore)
        {
            // A cursor that is not ours: the first page instead (the summary says so).
            await TryAsync(async () => Items = await sender.Send(query with { Cursor = null }, cancellationToken));
        }
    }

    /// <summary>The "older" link's address.</summary>
    public string? OlderUrl => Items.NextCursor is { } next ? PageUrl(("cursor", next)) : null;
}
