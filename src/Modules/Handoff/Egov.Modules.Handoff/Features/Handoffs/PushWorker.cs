using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Egov.Modules.Forms.Contracts;
using Egov.Modules.Handoff.Domain;
using Egov.Modules.Handoff.Persistence;
using Egov.SharedKernel.Http;
using Egov.SharedKernel.Work;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Handoff.Features.Handoffs;

/// <summary>
/// Sends due push deliveries (a <see cref="LeasedWorker{TItem}"/> over <c>handoff.deliveries</c>, so one
/// delivery goes to one instance at a time): reads the case record with the documents inline, POSTs the
/// CloudEvent signed as Outreach's webhooks (<see cref="WebhookSignature"/>; <c>Egov-Delivery-Id</c> = the
/// CloudEvent id), and records the outcome — 2xx sent; 5xx, 408, 429, a timeout or a connection failure
/// retried after an exponential backoff; another 4xx parked at once (the receiver refuses it); parked
/// after <see cref="HandoffOptions.MaxAttempts"/>. A delivery whose target is no longer configured is parked.
/// </summary>
internal sealed partial class PushWorker : LeasedWorker<HandoffDelivery>
{
    public const string HttpClientName = "Egov.Handoff.Push";

    private static readonly LeaseQuery<HandoffDelivery> Due = new(
        "deliveries",
        "kind = 'Push' AND next_attempt_at IS NOT NULL AND next_attempt_at <= @now",
        "next_attempt_at, id",
        (rows, now) => rows.Where(d => d.Kind == HandoffTargetKind.Push && d.NextAttemptAt != null && d.NextAttemptAt <= now),
        rows => rows.OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id));

    private readonly IServiceScopeFactory _scopes;
    private readonly IHttpClientFactory _http;
    private readonly HandoffTargets _targets;
    private readonly IOptionsMonitor<HandoffOptions> _options;
    private readonly ILogger<PushWorker> _logger;

    public PushWorker(
        IServiceScopeFactory scopes, IHttpClientFactory http, HandoffTargets targets, IOptionsMonitor<HandoffOptions> options,
        WorkSignal<PushWorker> signal, TimeProvider time, ILogger<PushWorker> logger)
        : base(signal, time, logger)
    {
        _scopes = scopes;
        _http = http;
        _targets = targets;
        _options = options;
        _logger = logger;
    }

    protected override int ClaimSize => _options.CurrentValue.BatchSize;

    protected override int MaxParallelism => _options.CurrentValue.BatchSize;

    protected override TimeSpan LeaseDuration => _options.CurrentValue.LeaseDuration;

    protected override TimeSpan PollInterval(WorkLane lane) => _options.CurrentValue.PollInterval;

    protected override async Task<IReadOnlyList<HandoffDelivery>> ClaimAsync(WorkLane lane, int limit, Lease lease, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        return await LeaseClaim.ClaimAsync(db, db.Schema, Due, limit, lease, cancellationToken);
    }

    protected override async Task ProcessAsync(HandoffDelivery claimed, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var delivery = await db.Deliveries.FirstAsync(d => d.Id == claimed.Id, cancellationToken);
        if (delivery.LockOwner != Owner)
        {
            return; // staff re-sent it meanwhile, or the lease ran out and another instance has it
        }

        var (error, retry) = await SendAsync(scope.ServiceProvider, delivery, cancellationToken);
        var now = Time.GetUtcNow();
        if (error is null)
        {
            delivery.MarkSent(now);
        }
        else
        {
            var options = _options.CurrentValue;
            var giveUp = !retry || delivery.Attempts + 1 >= options.MaxAttempts;
            delivery.MarkFailed(error, now, giveUp ? null : now + Backoff.Delay(delivery.Attempts + 1, options.InitialRetryDelay, options.MaxRetryDelay));
            LogFailed(_logger, delivery.Id, delivery.TargetKey, delivery.Attempts, giveUp, error);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // LockOwner is the concurrency token: staff re-sent it meanwhile, and that wins.
            LogSuperseded(_logger, delivery.Id);
            return;
        }

        if (error is null)
        {
            // The case's personal data went to a recipient: the access log (and so the subject-access export) names it.
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(
                new RecordCaseReadCommand(delivery.ApplicationId, CaseReads.PushSubject(delivery.TargetKey), CaseReads.PushTarget(delivery.TargetKey), CaseReads.Push(delivery.TargetKey)),
                cancellationToken);
        }
    }

    /// <returns>No error when the receiver accepted it; else the error and whether to try again.</returns>
    private async Task<(string? Error, bool Retry)> SendAsync(IServiceProvider services, HandoffDelivery delivery, CancellationToken cancellationToken)
    {
        if (_targets.Find(delivery.TargetKey) is not { Kind: HandoffTargetKind.Push, Url: { } url, Secret: { } secret } target)
        {
            return (PushErrors.NotConfigured, false);
        }

        var record = await services.GetRequiredService<ISender>().Send(new GetCaseRecordQuery(delivery.ApplicationId, IncludeContent: true), cancellationToken);
        if (record is null)
        {
            return (PushErrors.CaseGone, false);
        }

        var cloudEvent = services.GetRequiredService<HandoffEvents>().Build(delivery, record, static (document, item) =>
            item["contentBase64"] = Convert.ToBase64String(document.Content ?? []));
        var (body, contentType) = HandoffEvents.Encode(cloudEvent);
        var timestamp = Time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ReadOnlyMemoryContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType.ToString());
        request.Headers.Add(WebhookSignature.DeliveryIdHeader, cloudEvent.Id);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, body.Span));

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(target.Timeout);
        try
        {
            using var response = await _http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? (null, false)
                : (PushErrors.Http(status, response.ReasonPhrase), status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (PushErrors.Timeout(target.Timeout), true);
        }
        catch (HttpRequestException ex)
        {
            return (PushErrors.Connection(ex.HttpRequestError), true);
        }
    }

    [LoggerMessage(EventId = 2302, Level = LogLevel.Information, Message = "Hand-off {DeliveryId}: outcome not recorded, the delivery was re-sent meanwhile")]
    private static partial void LogSuperseded(ILogger logger, Guid deliveryId);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "Hand-off {DeliveryId} to {Target} failed (attempt {Attempts}, parked: {Parked}): {Error}")]
    private static partial void LogFailed(ILogger logger, Guid deliveryId, string target, int attempts, bool parked, string error);
}
