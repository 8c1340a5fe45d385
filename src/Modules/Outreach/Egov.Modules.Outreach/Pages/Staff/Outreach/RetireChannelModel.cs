using Egov.Modules.Outreach.Features.ChannelExit;
using Egov.Modules.Outreach.Features.Channels;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Security;
using Egov.SharedKernel.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Egov.Modules.Outreach.Pages.Staff.Outreach;

/// <summary>
/// The channel exit kit at <c>/staff/outreach/channels/{id}/retire</c> (Administrator; ADR 0027): the reason, the
/// replacement channels for its posts not yet out, the farewell (on by default, text optional), then what was done —
/// the farewell post waiting for approval, each post moved, dropped or cancelled — and the archive to download.
/// </summary>
[Authorize(Policy = EgovPolicies.Administer)]
internal sealed class RetireChannelModel(ISender sender) : OutreachPage
{
    public ChannelView Channel { get; private set; } = null!;

    /// <summary>The enabled channels that may take over its posts.</summary>
    public IReadOnlyList<ChannelView> Candidates { get; private set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public List<Guid> Replacements { get; set; } = [];

    [BindProperty]
    public bool Farewell { get; set; } = true;

    [BindProperty]
    public string? FarewellText { get; set; }

    [BindProperty]
    public int Version { get; set; }

    /// <summary>What retiring did, once done.</summary>
    public ChannelRetirementResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Version = Channel.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ChannelRetirementResult? result = null;
        if (await TryAsync(async () => result = await sender.Send(new RetireChannelCommand(Actor, id, Version,
                new RetireChannelInput(Reason, [.. Replacements.Select(r => (Guid?)r)], Farewell, FarewellText)), cancellationToken)))
        {
            Result = result;
            Channel = result!.Channel;
        }

        return Page();
    }

    /// <summary>A field error's input: <c>replacementChannelIds[i]</c> belongs to the list of check boxes.</summary>
    public override string FieldId(string key) => key.StartsWith("replacementChannelIds", StringComparison.Ordinal) ? "replacements" : base.FieldId(key);

    public override string FieldLabel(string key) => FieldId(key) switch
    {
        "reason" => PortalText.Pick("Grund", "Reason"),
        "replacements" => PortalText.Pick("Ersatzkanäle", "Replacement channels"),
        "farewell" => PortalText.Pick("Abschiedsbeitrag", "Farewell post"),
        "farewellText" => PortalText.Pick("Text des Abschieds", "Farewell text"),
        _ => key,
    };

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Channel = await sender.Send(new GetChannelQuery(id), cancellationToken);
        }
        catch (NotFoundException)
        {
            return false;
        }

        Candidates = [.. (await sender.Send(new ListChannelsQuery(true), cancellationToken)).Where(c => c.Id != id)];
        return true;
    }
}
