using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Egov.Modules.Outreach.Features.Channels;

/// <summary>
/// Protects channel credentials with ASP.NET Data Protection (authenticated encryption with the
/// host's key ring; the keys live in the identity database and rotate every 90 days, old keys still
/// decrypt). The purpose string isolates these payloads from every other use of the key ring.
/// </summary>
internal sealed class ChannelCredentialProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Egov.Outreach.ChannelCredentials.v1");

    public string Protect(IReadOnlyDictionary<string, string> credentials) =>
        protector.Protect(JsonSerializer.Serialize(credentials));

    /// <summary>The credentials of a channel, for the delivery adapters only.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The key that protected them is gone, or the value was tampered with.</exception>
    public IReadOnlyDictionary<string, string> Unprotect(string protectedCredentials) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(protector.Unprotect(protectedCredentials)) ?? [];
}
