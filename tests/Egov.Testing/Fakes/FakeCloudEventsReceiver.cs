using System.Collections.Concurrent;
using System.Net.Mime;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Egov.Testing.Fakes;

/// <summary>
/// A specialist system taking Egov's hand-off push on 127.0.0.1, written from docs/modules/handoff.md:
/// it accepts <c>POST</c> on any path (one path per target), refuses a request whose signature does not
/// verify (401, <see cref="ReceiverSignature"/>), decodes the body as a CloudEvents 1.0 structured-mode JSON
/// event with the CloudEvents SDK (400 when it is not one), and keeps each event once by <c>source</c> +
/// <c>id</c>: a repeat is answered 200 and counted in <see cref="Duplicates"/>, not kept again.
/// </summary>
public sealed class FakeCloudEventsReceiver : FakePlatformServer
{
    private static readonly JsonEventFormatter Formatter = new();
    private readonly ConcurrentDictionary<string, ReceivedCloudEvent> _events = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly ConcurrentDictionary<string, int> _failingPaths = new(StringComparer.Ordinal);
    private int _duplicates;
    private int _refused;
    private int _sequence;

    /// <summary>The shared secret (HMAC-SHA256 key) the targets of this receiver are configured with.</summary>
    public string Secret { get; set; } = "egov-test-handoff-secret-0123456789abcdef";

    /// <summary>The events accepted, each once, in order.</summary>
    public IReadOnlyList<ReceivedCloudEvent> Events => [.. _events.Values.OrderBy(e => e.Sequence)];

    /// <summary>Requests for an event already accepted (answered 200, not kept again): a sender that sent after a 2xx.</summary>
    public int Duplicates => Volatile.Read(ref _duplicates);

    /// <summary>Requests refused for their signature or timestamp.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>The next request (to any path) is answered with <paramref name="statusCode"/> and not kept.</summary>
    public void AnswerOnce(int statusCode) => _faults.Enqueue(new Fault(statusCode, Hang: false));

    /// <summary>The next request is not answered until the sender gives up (its timeout), and not kept.</summary>
    public void HangOnce() => _faults.Enqueue(new Fault(0, Hang: true));

    /// <summary>Every request to <paramref name="path"/> is answered <paramref name="statusCode"/> until <see cref="Recover"/>.</summary>
    public void FailAlways(string path, int statusCode) => _failingPaths[path] = statusCode;

    /// <summary>Requests to <paramref name="path"/> are taken again.</summary>
    public void Recover(string path) => _failingPaths.TryRemove(path, out _);

    protected override void Map(WebApplication app) => app.MapPost("/{**path}", ReceiveAsync);

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        if (!ReceiverSignature.IsAuthentic(Secret, TimeSpan.FromMinutes(5), request.Headers["Egov-Timestamp"].ToString(), body, request.Headers["Egov-Signature"].ToString()))
        {
            Interlocked.Increment(ref _refused);
            return Results.Problem(statusCode: 401, title: "Signature does not verify");
        }

        if (_failingPaths.TryGetValue(request.Path.Value ?? "/", out var failing))
        {
            return Results.StatusCode(failing);
        }

        if (_faults.TryDequeue(out var fault))
        {
            if (!fault.Hang)
            {
                return Results.StatusCode(fault.StatusCode);
            }

            await Task.Delay(Timeout.Infinite, request.HttpContext.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.StatusCode(503);
        }

        CloudEvent cloudEvent;
        try
        {
            cloudEvent = Formatter.DecodeStructuredModeMessage(body, new ContentType(request.ContentType!), extensionAttributes: null);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or System.Text.Json.JsonException)
        {
            return Results.Problem(statusCode: 400, title: "Not a CloudEvents 1.0 structured-mode JSON event", detail: ex.Message);
        }

        var key = cloudEvent.Source + " " + cloudEvent.Id;
        var sequence = Interlocked.Increment(ref _sequence);
        var received = new ReceivedCloudEvent(request.Path.Value ?? "/", cloudEvent, request.Headers["Egov-Delivery-Id"].ToString(),
            request.Headers["Egov-Timestamp"].ToString(), request.Headers["Egov-Signature"].ToString(), body, sequence);
        if (!_events.TryAdd(key, received))
        {
            Interlocked.Increment(ref _duplicates);
        }

        return Results.Ok();
    }

    private sealed record Fault(int StatusCode, bool Hang);
}

/// <summary>A hand-off event the fake receiver accepted.</summary>
/// <param name="Path">The path it was posted to (one per target).</param>
/// <param name="Event">The decoded CloudEvent.</param>
/// <param name="DeliveryId">Its <c>Egov-Delivery-Id</c> header.</param>
/// <param name="Timestamp">Its <c>Egov-Timestamp</c> header.</param>
/// <param name="Signature">Its <c>Egov-Signature</c> header.</param>
/// <param name="Body">The raw body, as signed.</param>
/// <param name="Sequence">Order of arrival.</param>
public sealed record ReceivedCloudEvent(string Path, CloudEvent Event, string DeliveryId, string Timestamp, string Signature, byte[] Body, int Sequence);
