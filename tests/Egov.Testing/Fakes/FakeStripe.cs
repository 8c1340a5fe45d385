using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Egov.Testing.Fakes;

/// <summary>
/// Stripe's API on 127.0.0.1 as its reference documents it (https://docs.stripe.com/api), written from
/// the documentation and not from Egov's code: <c>POST /v1/checkout/sessions</c> (form-encoded, Bearer
/// secret key, <c>Idempotency-Key</c> answered with the first response), <c>GET /v1/checkout/sessions/{id}</c>,
/// <c>POST /v1/checkout/sessions/{id}/expire</c> (400 unless open), <c>POST /v1/refunds</c>; errors as
/// <c>{"error":{"type":…,"message":…}}</c>. A browser can pay on the minimal hosted page <c>GET /pay/{id}</c>
/// ("Bezahlen" sends the signed notification to <see cref="WebhookEndpoint"/>, then the browser to <c>success_url</c>);
/// or the test plays the citizen on the hosted page
/// (<see cref="Complete"/>, <see cref="FailAsync"/>) and Stripe's webhook sender (<see cref="Notification"/>):
/// events signed as documented (https://docs.stripe.com/webhooks#verify-events): header
/// <c>Stripe-Signature: t={unix seconds},v1={hex HMAC-SHA256 of "{t}.{body}" under the endpoint secret}</c>.
/// </summary>
public sealed class FakeStripe : FakePlatformServer
{
    private readonly ConcurrentDictionary<string, JsonObject> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int Status, string Body)> _idempotent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> _refunds = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<int> _webhookAnswers = new();
    private readonly Lock _gate = new();

    /// <summary>The secret API key Egov must send as <c>Authorization: Bearer …</c>.</summary>
    public string SecretKey { get; } = "sk_test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>The webhook endpoint's signing secret.</summary>
    public string WebhookSecret { get; } = "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The refunds created, each once.</summary>
    public IReadOnlyList<JsonObject> Refunds => [.. _refunds.Values];

    /// <summary>The sessions created, each once.</summary>
    public IReadOnlyList<JsonObject> Sessions => [.. _sessions.Values];

    /// <summary>A session as Stripe would return it (a copy).</summary>
    public JsonObject Session(string id) => (JsonObject)_sessions[id].DeepClone();

    /// <summary>The citizen finishes the hosted page: paid (<paramref name="paid"/>) or completed with a delayed method still pending; <paramref name="amountTotal"/> overrides what Stripe collected.</summary>
    public JsonObject Complete(string sessionId, bool paid = true, long? amountTotal = null)
    {
        lock (_gate)
        {
            var session = _sessions[sessionId];
            session["status"] = "complete";
            session["payment_status"] = paid ? "paid" : "unpaid";
            session["payment_intent"] = "pi_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            if (amountTotal is { } amount)
            {
                session["amount_total"] = amount;
            }

            return (JsonObject)session.DeepClone();
        }
    }

    /// <summary>The hosted page times out (as after <c>expires_at</c>).</summary>
    public JsonObject Expire(string sessionId)
    {
        lock (_gate)
        {
            var session = _sessions[sessionId];
            session["status"] = "expired";
            return (JsonObject)session.DeepClone();
        }
    }

    /// <summary>A delayed payment method failed after completion (the session stays complete, unpaid).</summary>
    public Task<JsonObject> FailAsync(string sessionId) => Task.FromResult(Complete(sessionId, paid: false));

    /// <summary>
    /// A webhook delivery of <paramref name="type"/> (e.g. <c>checkout.session.completed</c>) about <paramref name="session"/>:
    /// the event's JSON and its <c>Stripe-Signature</c> under <paramref name="secret"/> (default: <see cref="WebhookSecret"/>) at <paramref name="signedAt"/> (default now).
    /// </summary>
    public StripeNotification Notification(string type, JsonObject session, string? secret = null, DateTimeOffset? signedAt = null, string? eventId = null)
    {
        var created = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var payload = new JsonObject
        {
            ["id"] = eventId ?? "evt_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            ["object"] = "event",
            ["api_version"] = "2025-11-17.clover",
            ["created"] = created,
            ["data"] = new JsonObject { ["object"] = session.DeepClone() },
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["type"] = type,
        }.ToJsonString();
        return new StripeNotification(payload, SignatureHeader(payload, secret ?? WebhookSecret, created));
    }

    /// <summary>The documented header: <c>t=…,v1=…</c>.</summary>
    public static string SignatureHeader(string payload, string secret, long timestamp)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + payload));
        return $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(mac)}";
    }

    protected override void Map(WebApplication app)
    {
        app.MapPost("/v1/checkout/sessions", (HttpRequest request) => Idempotent(request, () => CreateSession(request)));
        app.MapGet("/v1/checkout/sessions/{id}", (HttpRequest request, string id) =>
            !Authorized(request) ? Unauthorized()
            : _sessions.TryGetValue(id, out var session) ? Json(200, session) : Error(404, "invalid_request_error", $"No such checkout.session: '{id}'"));
        app.MapPost("/v1/checkout/sessions/{id}/expire", (HttpRequest request, string id) =>
        {
            if (!Authorized(request))
            {
                return Unauthorized();
            }

            lock (_gate)
            {
                if (!_sessions.TryGetValue(id, out var session))
                {
                    return Error(404, "invalid_request_error", $"No such checkout.session: '{id}'");
                }

                if ((string?)session["status"] != "open")
                {
                    return Error(400, "invalid_request_error", $"Only Checkout Sessions with a status in [\"open\"] can be expired. This Checkout Session has a status of \"{session["status"]}\".");
                }

                session["status"] = "expired";
                return Json(200, session);
            }
        });
        app.MapPost("/v1/refunds", (HttpRequest request) => Idempotent(request, () => CreateRefund(request)));
        app.MapGet("/pay/{id}", (string id) => _sessions.TryGetValue(id, out var session) ? HostedPage(session) : Results.NotFound());
        app.MapPost("/pay/{id}", (string id) => PayOnHostedPageAsync(id));
    }

    /// <summary>
    /// Where the hosted page's "pay" button sends its signed <c>checkout.session.completed</c> (the webhook
    /// endpoint registered in Stripe's dashboard), e.g. <c>http://127.0.0.1:5080/api/v1/payments/notifications/stripe</c>;
    /// null: the page sends none (a lost notification).
    /// </summary>
    public Uri? WebhookEndpoint { get; set; }

    /// <summary>The HTTP status codes the webhook endpoint answered the hosted page's notifications with, in order.</summary>
    public IReadOnlyList<int> WebhookAnswers => [.. _webhookAnswers];

    /// <summary>A minimal hosted page a browser can pay on: the amount, "Bezahlen" (a form post) and "Abbrechen" (back to <c>cancel_url</c>).</summary>
    private static IResult HostedPage(JsonObject session)
    {
        var amount = ((long)session["amount_total"]! / 100m).ToString("0.00", CultureInfo.GetCultureInfo("de-DE"));
        var id = System.Net.WebUtility.HtmlEncode((string)session["id"]!);
        var cancel = System.Net.WebUtility.HtmlEncode((string?)session["cancel_url"] ?? "");
        var html = (string?)session["status"] != "open"
            ? "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Stripe Checkout (Test)</title></head><body><main><h1>Diese Zahlungsseite ist geschlossen</h1></main></body></html>"
            : $"""
              <!DOCTYPE html>
              <html lang="de"><head><meta charset="utf-8"><title>Stripe Checkout (Test)</title></head>
              <body><main>
              <h1>Bezahlen: {amount} {((string?)session["currency"])?.ToUpperInvariant()}</h1>
              <p>Testzahlung {id}</p>
              <form method="post" action="/pay/{id}"><button type="submit">Bezahlen</button></form>
              <p><a href="{cancel}">Abbrechen</a></p>
              </main></body></html>
              """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>"Bezahlen" on the hosted page: the session is paid, Stripe sends the signed notification, then redirects the browser to <c>success_url</c>.</summary>
    private async Task<IResult> PayOnHostedPageAsync(string id)
    {
        if (!_sessions.TryGetValue(id, out var open) || (string?)open["status"] != "open")
        {
            return Results.NotFound();
        }

        var session = Complete(id);
        if (WebhookEndpoint is { } endpoint)
        {
            var notification = Notification("checkout.session.completed", session);
            using var http = new HttpClient();
            using var content = new StringContent(notification.Payload, Encoding.UTF8, "application/json");
            content.Headers.Add("Stripe-Signature", notification.Signature);
            using var answer = await http.PostAsync(endpoint, content);
            _webhookAnswers.Enqueue((int)answer.StatusCode);
        }

        // Stripe fills in the template of the success URL (https://docs.stripe.com/payments/checkout/custom-success-page).
        return Results.Redirect(((string)session["success_url"]!).Replace("{CHECKOUT_SESSION_ID}", id, StringComparison.Ordinal));
    }

    private async Task<IResult> CreateSession(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var amount = long.Parse(form["line_items[0][price_data][unit_amount]"].ToString(), CultureInfo.InvariantCulture);
        var quantity = long.Parse(form["line_items[0][quantity]"].ToString(), CultureInfo.InvariantCulture);
        if (form["mode"] != "payment" || string.IsNullOrEmpty(form["success_url"]) || amount <= 0)
        {
            return Error(400, "invalid_request_error", "Missing required param: mode, success_url or a positive unit_amount.");
        }

        var id = "cs_test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var session = new JsonObject
        {
            ["id"] = id,
            ["object"] = "checkout.session",
            ["amount_subtotal"] = amount * quantity,
            ["amount_total"] = amount * quantity,
            ["cancel_url"] = form["cancel_url"].ToString(),
            ["client_reference_id"] = form["client_reference_id"].ToString(),
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["currency"] = form["line_items[0][price_data][currency]"].ToString(),
            ["expires_at"] = long.Parse(form["expires_at"].ToString(), CultureInfo.InvariantCulture),
            ["livemode"] = false,
            ["metadata"] = new JsonObject(form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal))
                .Select(f => KeyValuePair.Create(f.Key[9..^1], (JsonNode?)f.Value.ToString()))),
            ["mode"] = "payment",
            ["payment_intent"] = null,
            ["payment_status"] = "unpaid",
            ["status"] = "open",
            ["success_url"] = form["success_url"].ToString(),
            ["url"] = new Uri(BaseAddress, "pay/" + id).AbsoluteUri,
        };
        _sessions[id] = session;
        return Json(200, session);
    }

    private async Task<IResult> CreateRefund(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var intent = form["payment_intent"].ToString();
        lock (_gate)
        {
            var session = _sessions.Values.FirstOrDefault(s => (string?)s["payment_intent"] == intent && (string?)s["payment_status"] == "paid");
            if (session is null)
            {
                return Error(400, "invalid_request_error", $"No such payment_intent: '{intent}'");
            }

            var amount = form.TryGetValue("amount", out var given) ? long.Parse(given.ToString(), CultureInfo.InvariantCulture) : (long)session["amount_total"]!;
            var refund = new JsonObject
            {
                ["id"] = "re_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
                ["object"] = "refund",
                ["amount"] = amount,
                ["currency"] = (string?)session["currency"],
                ["payment_intent"] = intent,
                ["status"] = "succeeded",
                ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            };
            _refunds[(string)refund["id"]!] = refund;
            return Json(200, refund);
        }
    }

    /// <summary>Stripe answers a repeated <c>Idempotency-Key</c> with the first response, without doing it again.</summary>
    private async Task<IResult> Idempotent(HttpRequest request, Func<Task<IResult>> create)
    {
        if (!Authorized(request))
        {
            return Unauthorized();
        }

        var key = request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 0 && _idempotent.TryGetValue(request.Path + "|" + key, out var earlier))
        {
            return Results.Content(earlier.Body, "application/json", Encoding.UTF8, earlier.Status);
        }

        var result = await create();
        if (key.Length > 0 && result is FakeJson json)
        {
            _idempotent.TryAdd(request.Path + "|" + key, (json.Status, json.Body));
        }

        return result;
    }

    private bool Authorized(HttpRequest request) => request.Headers.Authorization.ToString() == "Bearer " + SecretKey;

    private static FakeJson Unauthorized() => Error(401, "invalid_request_error", "Invalid API Key provided.");

    private static FakeJson Json(int status, JsonObject body) => new(status, body.ToJsonString());

    private static FakeJson Error(int status, string type, string message) =>
        new(status, new JsonObject { ["error"] = new JsonObject { ["type"] = type, ["message"] = message } }.ToJsonString());

    private sealed record FakeJson(int Status, string Body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = Status;
            httpContext.Response.ContentType = "application/json";
            return httpContext.Response.WriteAsync(Body);
        }
    }
}

/// <summary>A signed webhook delivery: the raw JSON body and the <c>Stripe-Signature</c> header value.</summary>
public sealed record StripeNotification(string Payload, string Signature)
{
    /// <summary>The event's <c>id</c>.</summary>
    public string EventId => JsonNode.Parse(Payload)!["id"]!.GetValue<string>();
}
