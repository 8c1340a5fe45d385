using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Egov.IntegrationTests.Forms.Cases;
using Egov.IntegrationTests.Identity;
using Egov.Modules.Forms.Features.Retention;
using Egov.Modules.Forms.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Egov.IntegrationTests.Forms.Retention;

/// <summary>
/// The retention job on PostgreSQL with a clock the test sets: closed cases end as their form says
/// (bewohnerparkausweis: delete after 1095 days; hundesteuer-anmeldung: strip after 3650 days),
/// abandoned drafts after 30 days, legal holds stop the clock, each removal leaves one deletion
/// record, and two instances never remove the same application twice.
/// </summary>
public sealed class RetentionTests(RetentionFactory factory) : IClassFixture<RetentionFactory>
{
    [Fact]
    public async Task Run_AfterTheDeleteRetention_RemovesTheCaseAndAllAboutIt_AndLeavesADeletionRecord()
    {
        var ct = TestContext.Current.CancellationToken;
        var (id, reference) = await ClosedCaseAsync("bewohnerparkausweis");

        await RemovedAsync(DateTimeOffset.UtcNow.AddDays(1094));
        Assert.True(await ExistsAsync(id), "kept until the retention period has run out");

        await RemovedAsync(DateTimeOffset.UtcNow.AddDays(1096));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
        Assert.False(await db.Applications.AnyAsync(a => a.Id == id, ct));
        Assert.False(await db.Attachments.AnyAsync(a => a.ApplicationId == id, ct));
        Assert.False(await db.Receipts.AnyAsync(r => r.ApplicationId == id, ct));
        Assert.False(await db.CaseMessages.AnyAsync(m => m.ApplicationId == id, ct));
        Assert.False(await db.CaseHistory.AnyAsync(e => e.ApplicationId == id, ct));
        Assert.False(await db.CaseAccessLog.AnyAsync(e => e.ApplicationId == id, ct));
        var record = await db.DeletionRecords.AsNoTracking().SingleAsync(r => r.ApplicationId == id, ct);
        Assert.Equal(reference, record.ReferenceNumber);
        Assert.Equal("delete", record.Action);
        Assert.Contains("1095 days after closing", record.Rule, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", record.Sha256);
        var removed = JsonSerializer.Deserialize<Dictionary<string, int>>(record.Removed)!;
        Assert.Equal(1, removed["application"]);
        Assert.Equal(1, removed["receipts"]);
        Assert.Equal(1, removed["messages"]);
        Assert.True(removed["attachments"] >= 1 && removed["caseHistory"] >= 4 && removed["accessLog"] >= 1, record.Removed);

        // Administrators list and export the records.
        using var admin = await factory.CreateClientAsAsync("admin");
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/retention/deletion-records", ct);
        Assert.Contains(listed.EnumerateArray(), r => r.GetProperty("referenceNumber").GetString() == reference && r.GetProperty("sha256").GetString() == record.Sha256);
        var csv = await admin.GetStringAsync("/api/v1/retention/deletion-records/export?format=csv", ct);
        Assert.StartsWith("id,applicationId,referenceNumber,formKey,formVersion,action,rule,removed,sha256,deletedAt\r\n", csv, StringComparison.Ordinal);
        Assert.Contains($",{reference},bewohnerparkausweis,1,delete,", csv, StringComparison.Ordinal);
        var json = await admin.GetFromJsonAsync<JsonElement>("/api/v1/retention/deletion-records/export?format=json", ct);
        Assert.Contains(json.EnumerateArray(), r => r.GetProperty("applicationId").GetGuid() == id);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/retention/deletion-records/export?format=xml", ct)).StatusCode);
        using var caseworker = await factory.CreateClientAsAsync("caseworker");
        Assert.Equal(HttpStatusCode.Forbidden, (await caseworker.GetAsync("/api/v1/retention/deletion-records", ct)).StatusCode);
    }

    [Fact]
    public async Task Run_AfterTheStripRetention_KeepsTheStatisticalRow_AndRemovesPersonalDataAndDocuments()
    {
        var ct = TestContext.Current.CancellationToken;
        var (id, reference) = await ClosedCaseAsync("hundesteuer-anmeldung");

        await RemovedAsync(DateTimeOffset.UtcNow.AddDays(3651));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
        var kept = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == id, ct);
        Assert.Equal(reference, kept.ReferenceNumber);
        Assert.Equal("hundesteuer-anmeldung", kept.FormKey);
        Assert.Equal("Closed", kept.Status.ToString());
        Assert.NotNull(kept.SubmittedAt);
        Assert.NotNull(kept.DecidedAt);
        Assert.Null(kept.ApplicantName);
        Assert.Null(kept.ApplicantEmail);
        Assert.Equal("", kept.ApplicantSubject);
        Assert.Equal("{}", kept.Data.Replace(" ", "", StringComparison.Ordinal));
        Assert.NotNull(kept.PersonalDataRemovedAt);
        Assert.False(await db.Attachments.AnyAsync(a => a.ApplicationId == id, ct));
        Assert.False(await db.Receipts.AnyAsync(r => r.ApplicationId == id, ct));
        Assert.False(await db.CaseHistory.AnyAsync(e => e.ApplicationId == id, ct));
        var record = await db.DeletionRecords.AsNoTracking().SingleAsync(r => r.ApplicationId == id, ct);
        Assert.Equal("strip", record.Action);

        // The applicant no longer finds it; a second run changes nothing.
        using var erika = await factory.CreateClientAsAsync("erika");
        var mine = await erika.GetFromJsonAsync<JsonElement>("/api/v1/me/applications", ct);
        Assert.DoesNotContain(id.ToString(), mine.GetRawText(), StringComparison.Ordinal);
        await RemovedAsync(DateTimeOffset.UtcNow.AddDays(3700));
        Assert.Equal(1, await db.DeletionRecords.CountAsync(r => r.ApplicationId == id, ct));
    }

    [Fact]
    public async Task LegalHold_StopsTheClockUntilLifted_AndIsRecordedWithItsReason()
    {
        var ct = TestContext.Current.CancellationToken;
        using var caseworker = await factory.CreateClientAsAsync("caseworker");
        var (id, _) = await ClosedCaseAsync("bewohnerparkausweis");
        var (_, etag) = await Filing.GetCaseAsync(caseworker, id);

        var noReason = await Filing.PostAsync(caseworker, $"/api/v1/cases/{id}/legal-hold", new { reason = " " }, etag);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await Filing.ProblemAsync(noReason)).GetProperty("errors").TryGetProperty("reason", out _));

        var placed = await Filing.PostAsync(caseworker, $"/api/v1/cases/{id}/legal-hold", new { reason = "Klage VG Musterstadt 3 K 123/26" }, etag);
        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);
        var body = await placed.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("Klage VG Musterstadt 3 K 123/26", body.GetProperty("legalHold").GetProperty("reason").GetString());
        Assert.Contains(body.GetProperty("history").EnumerateArray(), e => e.GetProperty("kind").GetString() == "LegalHoldPlaced");

        await RemovedAsync(DateTimeOffset.UtcNow.AddDays(5000));
        Assert.True(await ExistsAsync(id), "a legal hold keeps the case past its retention date");

        var (_, etag2) = await Filing.GetCaseAsync(caseworker, id);
        Assert.Equal(HttpStatusCode.Conflict, (await Filing.PostAsync(caseworker, $"/api/v1/cases/{id}/legal-hold", new { reason = "again" }, etag2)).StatusCode);
        var lifted = await Filing.PostAsync(caseworker, $"/api/v1/cases/{id}/legal-hold/lift", new { reason = "Verfahren rechtskräftig abgeschlossen" }, etag2);
        Assert.Equal(HttpStatusCode.OK, lifted.StatusCode);
        var history = (await lifted.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("history").EnumerateArray().ToList();
        Assert.Equal("Verfahren rechtskräftig abgeschlossen", history.Last(e => e.GetProperty("kind").GetString() == "LegalHoldLifted").GetProperty("reason").GetString());

        await RemovedAsync(DateTimeOffset.UtcNow.AddDays(1096));
        Assert.False(await ExistsAsync(id));
    }

    [Fact]
    public async Task Run_DeletesDraftsAbandonedFor30Days_AndKeepsYoungerOnes()
    {
        var ct = TestContext.Current.CancellationToken;
        using var erika = await factory.CreateClientAsAsync("erika");
        var draft = await DraftAsync(erika);

        await RemovedAsync(DateTimeOffset.UtcNow.AddDays(29));
        Assert.True(await ExistsAsync(draft));

        await RemovedAsync(DateTimeOffset.UtcNow.AddDays(31));
        Assert.False(await ExistsAsync(draft));
        using var scope = factory.Services.CreateScope();
        var record = await scope.ServiceProvider.GetRequiredService<FormsDbContext>().DeletionRecords.AsNoTracking().SingleAsync(r => r.ApplicationId == draft, ct);
        Assert.Null(record.ReferenceNumber);
        Assert.Equal("abandoned draft: 30 days without change", record.Rule);
    }

    [Fact]
    public async Task Run_OnTwoInstancesAtOnce_RemovesEachApplicationExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        using var erika = await factory.CreateClientAsAsync("erika");
        var drafts = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            drafts.Add(await DraftAsync(erika));
        }

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(40));
        var first = Worker(clock);
        var second = Worker(clock);
        var claimed = await Task.WhenAll(LeasedWorkers.DrainAsync(first), LeasedWorkers.DrainAsync(second));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
        Assert.False(await db.Applications.AnyAsync(a => drafts.Contains(a.Id), ct));
        var records = await db.DeletionRecords.AsNoTracking().Where(r => drafts.Contains(r.ApplicationId)).ToListAsync(ct);
        Assert.Equal(drafts.Count, records.Count);
        Assert.Equal(drafts.Count, records.Select(r => r.ApplicationId).Distinct().Count());
        Assert.True(claimed.All(c => c > 0), $"both instances took part: {string.Join(", ", claimed)}");
        Assert.Equal(2, records.Select(r => r.DeletedBy).Distinct().Count());
    }

    private RetentionWorker Worker(TimeProvider clock) => ActivatorUtilities.CreateInstance<RetentionWorker>(factory.Services, clock);


    /// <summary>Runs one retention worker at <paramref name="at"/> until nothing is due; returns how many applications it claimed.</summary>
    private Task<int> RemovedAsync(DateTimeOffset at) => LeasedWorkers.DrainAsync(Worker(new FakeTimeProvider(at)));

    private async Task<bool> ExistsAsync(Guid id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<FormsDbContext>().Applications.AnyAsync(a => a.Id == id, TestContext.Current.CancellationToken);
    }

    private static async Task<Guid> DraftAsync(HttpClient citizen)
    {
        var created = await citizen.PostAsJsonAsync("/api/v1/applications", new { form = "bewohnerparkausweis" }, TestContext.Current.CancellationToken);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
    }

    /// <summary>Files the form as erika with a message; the caseworker reads, decides and closes the case.</summary>
    private async Task<(Guid Id, string Reference)> ClosedCaseAsync(string form)
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var caseworker = await factory.CreateClientAsAsync("caseworker");
        var (id, reference) = await Filing.FileAsync(erika, form);
        (await erika.PostAsJsonAsync($"/api/v1/applications/{id}/messages", new { body = "Gibt es schon Neuigkeiten?" }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await Filing.TransitionAsync(caseworker, id, "InReview");
        await Filing.TransitionAsync(caseworker, id, "Approved");
        await Filing.TransitionAsync(caseworker, id, "Closed");
        return (id, reference);
    }
}
