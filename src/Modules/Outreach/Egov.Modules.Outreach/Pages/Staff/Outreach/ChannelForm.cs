using System.Globalization;
using Egov.Modules.Outreach.Features.Channels;
using Egov.SharedKernel.Errors;

namespace Egov.Modules.Outreach.Pages.Staff.Outreach;

/// <summary>A channel's fields as the administrator's form posts them. Credentials are write-only: never filled in.</summary>
internal sealed class ChannelForm
{
    public string? Kind { get; set; }

    public string? Name { get; set; }

    public string? OwningUnit { get; set; }

    public string? Address { get; set; }

    public string? Account { get; set; }

    /// <summary><c>credentials[accessToken]</c> etc.; blank ones are not sent (the stored ones stay).</summary>
    public Dictionary<string, string?> Credentials { get; set; } = [];

    public bool Enabled { get; set; }

    public bool CrisisCapable { get; set; }

    public bool RequiresImprintLink { get; set; }

    public string? CrossPostPolicy { get; set; } = "None";

    public bool AssessmentDone { get; set; }

    /// <summary><c>2026-11-29</c> or <c>29.11.2026</c>.</summary>
    public string? AssessedOn { get; set; }

    public string? JointControllershipNote { get; set; }

    public int? Version { get; set; }

    public static ChannelForm From(ChannelView c) => new()
    {
        Kind = c.Kind,
        Name = c.Name,
        OwningUnit = c.OwningUnit,
        Address = c.Address,
        Account = c.Account,
        Enabled = c.Enabled,
        CrisisCapable = c.CrisisCapable,
        RequiresImprintLink = c.RequiresImprintLink,
        CrossPostPolicy = c.CrossPostPolicy,
        AssessmentDone = c.DataProtection.AssessmentDone,
        AssessedOn = c.DataProtection.AssessedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        JointControllershipNote = c.DataProtection.JointControllershipNote,
        Version = c.Version,
    };

    /// <summary>The module's input: only the credentials of the kind (<paramref name="credentialKeys"/>) that were typed in, none (keep) when all are blank.</summary>
    /// <exception cref="RequestValidationException">The assessment date is not a date (field <c>dataProtection.assessedOn</c>).</exception>
    public ChannelInput ToInput(IReadOnlyList<string> credentialKeys)
    {
        DateOnly? assessedOn = null;
        if (!string.IsNullOrWhiteSpace(AssessedOn))
        {
            assessedOn = DateOnly.TryParseExact(AssessedOn.Trim(), ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new RequestValidationException("dataProtection.assessedOn", "Enter the date as TT.MM.JJJJ or YYYY-MM-DD.");
        }

        var credentials = Credentials.Where(c => credentialKeys.Contains(c.Key) && !string.IsNullOrWhiteSpace(c.Value)).ToDictionary(c => c.Key, c => c.Value!.Trim());
        return new ChannelInput(
            Kind, Name, Enabled, CrisisCapable, OwningUnit,
            string.IsNullOrWhiteSpace(Address) ? null : Address,
            string.IsNullOrWhiteSpace(Account) ? null : Account,
            credentials.Count == 0 ? null : credentials,
            new DataProtectionInput(AssessmentDone, assessedOn, string.IsNullOrWhiteSpace(JointControllershipNote) ? null : JointControllershipNote.Trim()),
            RequiresImprintLink,
            string.IsNullOrWhiteSpace(CrossPostPolicy) ? null : CrossPostPolicy);
    }
}
