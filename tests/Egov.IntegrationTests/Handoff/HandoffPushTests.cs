using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Egov.IntegrationTests.Forms.Cases;
using Egov.IntegrationTests.Identity;
using Egov.Modules.Handoff.Contracts;
using Egov.SharedKernel.Http;

namespace Egov.IntegrationTests.Handoff;

/// <summary>
/// The push target (ADR 0023): each submitted application reaches the specialist system as one signed
/// CloudEvents 1.0 event — exactly once across a 5xx, a timeout and two host instances working the same
/// database — and staff see per case what was sent, failed or parked, and can send it again.
/// </summary>
public sealed class HandoffPushTests(HandoffFactory factory) : IClassFixture<HandoffFactory>, IAsyncLifetime
{
    private SecondInstance _second = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _second = new SecondInstance(factory);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _second.DisposeAsync();

    [Fact]
    public async Task Submissions_ReachTheTarget_ExactlyOnce_AcrossA5xx_ATimeout_AndTwoInstances()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var max = await _second.CreateClientAsAsync("max");
        factory.Receiver.AnswerOnce(503);
        factory.Receiver.HangOnce();

        // Filed through both instances while the receiver fails: filing never waits for the hand-off.
        var filed = new List<(Guid Id, string Reference)>();
        for (var i = 0; i < 3; i++)
        {
            filed.Add(await Filing.FileAsync(erika, "hundesteuer-anmeldung"));
            filed.Add(await Filing.FileAsync(max, "hundesteuer-anmeldung"));
        }

        var references = filed.Select(f => f.Reference).ToHashSet();
        var events = await WaitForAsync(() => factory.Receiver.Events.Where(e => references.Contains(e.Event.Subject!)).ToList(), e => e.Count >= filed.Count);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct); // room for a duplicate, had one been sent

        Assert.Equal(references.Order(), events.Select(e => e.Event.Subject).Order());
        Assert.Equal(0, factory.Receiver.Duplicates);
        Assert.Equal(0, factory.Receiver.Refused);
        Assert.All(events, e =>
        {
            Assert.Equal(HandoffEventTypes.ApplicationSubmitted, e.Event.Type);
            Assert.Equal(e.Event.Id, e.DeliveryId);
            Assert.Equal("application/json", e.Event.DataContentType);
            Assert.True(e.Event.Source!.IsAbsoluteUri);
            Assert.EndsWith("/forms/hundesteuer-anmeldung", e.Event.Source.AbsolutePath, StringComparison.Ordinal);
        });

        // The retried ones were tried again with the same event id, not as new events.
        Assert.True(factory.Receiver.Requests.Count(r => events.Any(e => e.DeliveryId == r.Headers.GetValueOrDefault("Egov-Delivery-Id"))) >= filed.Count + 2);

        using var caseworker = await factory.CreateClientAsAsync("caseworker");
        foreach (var (id, _) in filed)
        {
            var handoffs = await caseworker.GetFromJsonAsync<JsonElement>($"/api/v1/handoff/cases/{id}", Ct);
            var push = Assert.Single(handoffs.EnumerateArray());
            Assert.Equal("steueramt", push.GetProperty("target").GetString());
            Assert.Equal("Sent", push.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Event_IsSigned_AndCarriesTheCaseRecord_WithItsDocuments()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, reference) = await Filing.FileAsync(erika, "hundesteuer-anmeldung");

        var received = (await WaitForAsync(() => factory.Receiver.Events.Where(e => e.Event.Subject == reference).ToList(), e => e.Count == 1)).Single();

        var now = DateTimeOffset.UtcNow;
        Assert.True(WebhookSignature.Verify(factory.Receiver.Secret, received.Timestamp, received.Body, received.Signature, now));
        Assert.False(WebhookSignature.Verify("another-secret-of-at-least-32-characters", received.Timestamp, received.Body, received.Signature, now));
        var data = JsonSerializer.SerializeToElement(received.Event.Data);
        Assert.Equal(id, data.GetProperty("applicationId").GetGuid());
        Assert.Equal("hundesteuer-anmeldung", data.GetProperty("form").GetProperty("key").GetString());
        Assert.Equal("finance", data.GetProperty("department").GetString());
        Assert.Equal(JsonValueKind.Object, data.GetProperty("data").ValueKind);
        var documents = data.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal("receipt", documents[0].GetProperty("kind").GetString());
        Assert.All(documents, d => Assert.Equal(
            d.GetProperty("sha256").GetString(),
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Convert.FromBase64String(d.GetProperty("contentBase64").GetString()!)))));
        Assert.Contains(documents, d => d.GetProperty("kind").GetString() == "attachment");

        // The case's data went to a recipient: its access log (and so the subject-access export) names it.
        using var admin = await factory.CreateClientAsAsync("admin");
        var log = await WaitForAsync(
            async () => (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/cases/access-log?caseId={id}&limit=100", Ct)).GetProperty("items").EnumerateArray().ToList(),
            entries => entries.Any(e => e.GetProperty("resource").GetString() == "handoff-push:steueramt"));
        Assert.Equal("handoff:steueramt", log.First(e => e.GetProperty("resource").GetString() == "handoff-push:steueramt").GetProperty("actorSubject").GetString());
    }

    [Fact]
    public async Task FailingTarget_IsParkedAfterMaxAttempts_ShownToStaff_AndSentOnceWhenStaffResend()
    {
        factory.Receiver.FailAlways(HandoffFactory.FailingPath, 500);
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, reference) = await Filing.FileAsync(erika, "gewerbeanmeldung-gewa1");
        using var admin = await factory.CreateClientAsAsync("admin");

        var parked = await WaitForAsync(
            async () => (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/handoff/cases/{id}", Ct)).EnumerateArray().SingleOrDefault(h => h.GetProperty("target").GetString() == "gewerbe-push"),
            h => h.ValueKind == JsonValueKind.Object && h.GetProperty("status").GetString() == "Parked");
        Assert.Equal(3, parked.GetProperty("attempts").GetInt32());
        Assert.Contains("500", parked.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal("ReceiverError", parked.GetProperty("lastErrorKind").GetString());
        Assert.True(parked.GetProperty("canResend").GetBoolean());

        // A caseworker of other departments sees nothing of it.
        using var karl = await factory.CreateClientAsAsync("caseworker2");
        Assert.Equal(HttpStatusCode.NotFound, (await karl.GetAsync($"/api/v1/handoff/cases/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await karl.PostAsync($"/api/v1/handoff/deliveries/{parked.GetProperty("id").GetGuid()}/resend", null, Ct)).StatusCode);

        factory.Receiver.Recover(HandoffFactory.FailingPath);
        var resent = await admin.PostAsync($"/api/v1/handoff/deliveries/{parked.GetProperty("id").GetGuid()}/resend", null, Ct);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);

        var sent = await WaitForAsync(
            async () => (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/handoff/cases/{id}", Ct)).EnumerateArray().SingleOrDefault(h => h.GetProperty("target").GetString() == "gewerbe-push"),
            h => h.ValueKind == JsonValueKind.Object && h.GetProperty("status").GetString() == "Sent");
        Assert.Equal(4, sent.GetProperty("attempts").GetInt32());
        var received = Assert.Single(factory.Receiver.Events, e => e.Event.Subject == reference);
        Assert.Equal(parked.GetProperty("eventId").GetGuid().ToString(), received.Event.Id);
    }

    [Fact]
    public async Task Citizen_CannotSeeOrResendHandoffs()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, _) = await Filing.FileAsync(erika, "hundesteuer-anmeldung");
        Assert.Equal(HttpStatusCode.Forbidden, (await erika.GetAsync($"/api/v1/handoff/cases/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await erika.PostAsync($"/api/v1/handoff/deliveries/{Guid.NewGuid()}/resend", null, Ct)).StatusCode);
    }

    internal static Task<T> WaitForAsync<T>(Func<T> read, Func<T, bool> done) => WaitForAsync(() => Task.FromResult(read()), done);

    internal static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < until, $"Not reached within 20 s; last seen: {value}");

            await Task.Delay(100, Ct);
        }
    }

    /// <summary>A second host instance on the first one's database, with the same targets and its own push worker.</summary>
    private sealed class SecondInstance : HandoffFactory
    {
        public SecondInstance(HandoffFactory first)
        {
            ConnectionString = first.ConnectionString;
            Receiver = first.Receiver;
        }

        protected override bool OwnsReceiver => false;

        public override ValueTask InitializeAsync() => ValueTask.CompletedTask;
    }
}
