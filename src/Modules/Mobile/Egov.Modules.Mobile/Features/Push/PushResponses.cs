namespace Egov.Modules.Mobile.Features.Push;

/// <summary>The VAPID public key, for <c>pushManager.subscribe({ applicationServerKey })</c>.</summary>
/// <param name="PublicKey">P-256 public key, uncompressed point, base64url (RFC 8292 §3.2).</param>
internal sealed record VapidPublicKeyResponse(string PublicKey);
