using Egov.Modules.Outreach.Features.Channels;
using Egov.Modules.Outreach.Features.Channels.Kinds;
using Egov.SharedKernel.Security;
using Egov.SharedKernel.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Egov.Modules.Outreach.Pages.Staff.Outreach;

/// <summary>
/// Creating or changing a channel at <c>/staff/outreach/channels/new</c> and <c>/staff/outreach/channels/{id}</c>
/// (Administrator): kind, name, address, account, write-only credentials, the data-protection
/// assessment, crisis capability, cross-post policy, owning unit, enabled; "read limits again" for a
/// kind that reads its limits from the platform (Mastodon). Kinds, hints and credential fields come from
/// the registered kinds (<see cref="ChannelKinds"/>). The module's rules (credentials and assessment before enabling, https, a
/// readable instance) come back as field errors.
/// </summary>
[Authorize(Policy = EgovPolicies.Administer)]
internal sealed class ChannelModel(ISender sender, ChannelKinds kinds) : OutreachPage
{
    public static IReadOnlyList<string> CrossPostPolicies { get; } = ["None", "Review", "AutoApprove"];

    /// <summary>Every registered kind, in order.</summary>
    public IReadOnlyList<ChannelKind> Kinds => kinds.All;

    /// <summary>Every credential member of any kind, with the kind that takes it.</summary>
    public IReadOnlyList<(string Key, string Kind)> CredentialFields =>
        [.. kinds.All.SelectMany(kind => kind.CredentialKeys.Select(key => (key, kind.Name)))];

    /// <summary>The address hint: each kind's, after its name.</summary>
    public string AddressHint => Hints(kind => kind.AddressHint);

    /// <summary>The account hint: each kind's that has an account, after its name.</summary>
    public string AccountHint => Hints(kind => kind.AccountHint);

    public ChannelView? Channel { get; private set; }

    /// <summary>Whether the shown channel's kind reads its limits from the platform (then "read again" is offered).</summary>
    public bool ReadsLimits => Channel is not null && kinds.Find(Channel.Kind)?.ReadsLimitsFromPlatform == true;

    public ChannelForm Form { get; private set; } = new();

    public string? Done { get; private set; }

    public string Path => Channel is null ? "/staff/outreach/channels/new" : $"/staff/outreach/channels/{Channel.Id}";

    public async Task<IActionResult> OnGetAsync(string id, string? done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Done = done;
        Form.Kind ??= kinds.Names.Count > 0 ? kinds.Names[0] : null;
        if (Channel is not null)
        {
            Form = ChannelForm.From(Channel);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, [FromForm] ChannelForm form, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form = form;
        if (Channel is not null)
        {
            Form.Kind = Channel.Kind; // fixed after creation
        }

        ChannelView? saved = null;
        if (await TryAsync(async () => saved = Channel is null
                ? await sender.Send(new CreateChannelCommand(Form.ToInput(CredentialKeys)), cancellationToken)
                : await sender.Send(new UpdateChannelCommand(Channel.Id, Form.Version, Form.ToInput(CredentialKeys)), cancellationToken)))
        {
            return Redirect($"/staff/outreach/channels?saved={Uri.EscapeDataString(saved!.Name)}");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRefreshAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Channel is null)
        {
            return NotFound();
        }

        if (await TryAsync(() => sender.Send(new RefreshChannelLimitsCommand(Channel.Id), cancellationToken).AsTask()))
        {
            return Redirect($"{Path}?done=limits");
        }

        Form = ChannelForm.From(Channel);
        return Page();
    }

    public override string FieldLabel(string key) => key switch
    {
        "kind" => PortalText.Pick("Art", "Kind"),
        "name" => PortalText.Pick("Name", "Name"),
        "owningUnit" => PortalText.Pick("Verantwortliche Stelle", "Owning unit"),
        "address" => PortalText.Pick("Adresse", "Address"),
        "account" => PortalText.Pick("Konto", "Account"),
        "crossPostPolicy" => PortalText.Pick("Meldungen teilen", "Share announcements"),
        "dataProtection.assessmentDone" => PortalText.Pick("Datenschutz-Folgenabschätzung", "Data-protection assessment"),
        "dataProtection.assessedOn" => PortalText.Pick("Datum der Abschätzung", "Date of the assessment"),
        "dataProtection.jointControllershipNote" => PortalText.Pick("Gemeinsame Verantwortlichkeit", "Joint controllership"),
        _ when key.StartsWith("credentials", StringComparison.Ordinal) => PortalText.Pick("Zugangsdaten", "Credentials") + (key.Length > 12 ? $" ({key[12..]})" : ""),
        _ => key,
    };

    public override string FieldId(string key) => key switch
    {
        "credentials" => $"credentials-{CredentialFields.FirstOrDefault(f => f.Kind == Form.Kind).Key ?? "accessToken"}",
        "body" => "name",
        _ => base.FieldId(key),
    };

    private IReadOnlyList<string> CredentialKeys => kinds.Find(Form.Kind)?.CredentialKeys ?? [];

    private string Hints(Func<ChannelKind, ChannelFieldHint?> hint) =>
        string.Join("; ", kinds.All.Where(kind => hint(kind) is not null)
            .Select(kind => $"{PortalText.Pick(kind.DisplayNameDe, kind.DisplayNameEn)}: {PortalText.Pick(hint(kind)!.German, hint(kind)!.English)}"));

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (id == "new")
        {
            return true;
        }

        if (!Guid.TryParse(id, out var channelId))
        {
            return false;
        }

        Channel = await sender.Send(new GetChannelQuery(channelId), cancellationToken);
        return true;
    }
}
