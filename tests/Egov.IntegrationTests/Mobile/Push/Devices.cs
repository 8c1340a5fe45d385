using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Egov.Modules.Announcements.Persistence;
using Egov.Modules.Mobile.Persistence;
using Egov.SharedKernel.Outbox;
using Egov.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests.Mobile.Push;

/// <summary>Device registration and event publication for the push tests.</summary>
internal static class Devices
{
    /// <summary>A registered device: its id and secret.</summary>
    public sealed record Registered(Guid Id, string Secret, JsonElement Body);

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, object body, string? idempotencyKey = null, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/devices") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<Registered> RegisterAsync(HttpClient client, object body, string? language = null)
    {
        using var response = await PostAsync(client, body, language: language);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        var json = JsonDocument.Parse(text).RootElement.Clone();
        return new Registered(json.GetProperty("id").GetGuid(), json.GetProperty("secret").GetString()!, json);
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? secret, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (secret is not null)
        {
            request.Headers.Add("Device-Secret", secret);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Stores <paramref name="integrationEvent"/> in the Announcements outbox, as publishing an alert does; the dispatcher delivers it after commit.</summary>
    public static async Task PublishThroughOutboxAsync(EgovApplicationFactory factory, IIntegrationEvent integrationEvent)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>();
        db.AddIntegrationEvent(integrationEvent);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Waits until the push job of <paramref name="eventId"/> is done (at most 15 s); returns its sent, failed and pruned counts.</summary>
    public static async Task<(int Sent, int Failed, int Pruned)> WaitForJobAsync(EgovApplicationFactory factory, Guid eventId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            using var scope = factory.Services.CreateScope();
            var job = await scope.ServiceProvider.GetRequiredService<MobileDbContext>().PushJobs.AsNoTracking()
                .SingleOrDefaultAsync(j => j.SourceEventId == eventId, TestContext.Current.CancellationToken);
            if (job?.CompletedAt is not null)
            {
                return (job.Sent, job.Failed, job.Pruned);
            }

            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"The push job of event {eventId} did not complete within 15 s.");
        return default;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
}
