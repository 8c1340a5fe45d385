using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Egov.Modules.Mobile.Features.Devices;

/// <summary>
/// The device secret: the proof an app shows (header <c>Device-Secret</c>) to change or delete its
/// registration without a user account. It is the device id sealed with ASP.NET Core Data
/// Protection (authenticated encryption with the host's key ring, which is kept in the database
/// and shared by all instances), so nothing secret is stored per device and each registration can
/// hand one out again. A secret names one device id; a deleted and newly registered device has a
/// new id and needs its new secret.
/// </summary>
internal sealed class DeviceSecrets(IDataProtectionProvider dataProtection)
{
    /// <summary>Header the app sends the secret in.</summary>
    public const string HeaderName = "Device-Secret";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Egov.Outreach.Devices.Secret.v1");

    public string Issue(Guid deviceId) => Base64Url.EncodeToString(_protector.Protect(deviceId.ToByteArray()));

    /// <summary>Whether <paramref name="secret"/> was issued for <paramref name="deviceId"/>.</summary>
    public bool Verifies(Guid deviceId, string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 1000)
        {
            return false;
        }

        try
        {
            var sealedId = Base64Url.DecodeFromChars(secret.Trim());
            return CryptographicOperations.FixedTimeEquals(_protector.Unprotect(sealedId), deviceId.ToByteArray());
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return false;
        }
    }
}
