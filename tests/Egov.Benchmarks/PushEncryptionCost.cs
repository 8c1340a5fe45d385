using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Egov.Modules.Mobile.Engines.PushCrypto;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;

namespace Egov.Benchmarks;

/// <summary>
/// What one Web Push message costs the CPU before it leaves: Lib.Net.Http.WebPush 3.3.1 (encryption
/// and request, sent to a handler that answers 201 at once) against our <see cref="WebPushEncryption"/>
/// (RFC 8291 on .NET's OpenSSL-backed P-256, HKDF and AES-GCM), on one thread and on all cores.
/// </summary>
internal static class PushEncryptionCost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var messages = args is ["--messages", var n] ? int.Parse(n, CultureInfo.InvariantCulture) : 2000;
        using var browser = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var q = browser.ExportParameters(false).Q;
        byte[] p256dh = [0x04, .. q.X!, .. q.Y!];
        var auth = RandomNumberGenerator.GetBytes(16);
        var payload = """{"type":"alert","id":"01a24f0b-c64f-76e1-b421-4b1ba93da989","title":"Unwetterwarnung: Sturmböen","body":"Landeshauptstadt München","url":"https://www.musterstadt.example/app/alerts/01a24f0b-c64f-76e1-b421-4b1ba93da989","severity":"Extreme"}""";
        using var vapidKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var v = vapidKey.ExportParameters(true);
        using var vapid = new VapidAuthentication(Base64Url.EncodeToString([0x04, .. v.Q.X!, .. v.Q.Y!]), Base64Url.EncodeToString(v.D)) { Subject = "mailto:bench@musterstadt.example" };
#pragma warning disable CA2000 // disposed with the client
        using var http = new HttpClient(new Answer201());
#pragma warning restore CA2000
        var client = new PushServiceClient(http) { DefaultAuthentication = vapid, AutoRetryAfter = false };
        var subscription = new PushSubscription { Endpoint = "https://push.example/push/1" };
        subscription.SetKey(PushEncryptionKeyName.P256DH, Base64Url.EncodeToString(p256dh));
        subscription.SetKey(PushEncryptionKeyName.Auth, Base64Url.EncodeToString(auth));
        var bytes = Encoding.UTF8.GetBytes(payload);

        Console.WriteLine($"Per-message cost, {messages:N0} messages, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        for (var round = 0; round < 2; round++)
        {
            var library = await TimeAsync(messages, 1, () => client.RequestPushMessageDeliveryAsync(subscription, new PushMessage(payload) { Topic = "t" }));
            var own = await TimeAsync(messages, 1, () => { WebPushEncryption.Encrypt(bytes, p256dh, auth); return Task.CompletedTask; });
            var ownParallel = await TimeAsync(messages, Environment.ProcessorCount, () => { WebPushEncryption.Encrypt(bytes, p256dh, auth); return Task.CompletedTask; });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(round == 0 ? "warm-up" : "measured")}: Lib.Net.Http.WebPush {library * 1000:0.000} ms/message on one thread; own RFC 8291 {own * 1000:0.000} ms/message on one thread, " +
                $"{ownParallel * 1000:0.000} ms/message wall time on {Environment.ProcessorCount} threads"));
        }

        return 0;
    }

    private static async Task<double> TimeAsync(int messages, int threads, Func<Task> send)
    {
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForAsync(0, messages, new ParallelOptions { MaxDegreeOfParallelism = threads }, async (_, _) => await send());
        return Stopwatch.GetElapsedTime(started).TotalSeconds / messages;
    }

    private sealed class Answer201 : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.Created));
    }
}
