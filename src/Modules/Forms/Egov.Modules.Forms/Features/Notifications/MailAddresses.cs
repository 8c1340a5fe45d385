using System.Diagnostics.CodeAnalysis;
using MimeKit;

namespace Egov.Modules.Forms.Features.Notifications;

/// <summary>The one way this feature reads an e-mail address from configuration or input.</summary>
internal static class MailAddresses
{
    /// <summary>
    /// Parses a bare address (RFC 5322 addr-spec: <c>local@domain</c>, optionally in angle
    /// brackets) into a mailbox without a display name. Refuses display names
    /// (<c>Erika &lt;erika@example.org&gt;</c>), lists, source routes, addresses without a domain and
    /// anything containing control characters (CR and LF included, so no header can be smuggled in).
    /// </summary>
    /// <returns>True and the mailbox when <paramref name="value"/> is one bare address; else false.</returns>
    public static bool TryParseBare(string? value, [NotNullWhen(true)] out MailboxAddress? mailbox)
    {
        mailbox = null;
        if (string.IsNullOrWhiteSpace(value) || value.Any(char.IsControl)
            || !MailboxAddress.TryParse(value.Trim(), out var parsed)
            || !string.IsNullOrEmpty(parsed.Name) || parsed.Route.Count > 0
            || string.IsNullOrEmpty(parsed.LocalPart) || string.IsNullOrEmpty(parsed.Domain))
        {
            return false;
        }

        mailbox = new MailboxAddress(string.Empty, parsed.Address);
        return true;
    }
}
