using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Egov.IntegrationTests.Identity;
using Egov.Modules.Forms.Features.Receipts;
using Egov.Modules.Forms.Persistence;
using Egov.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Egov.IntegrationTests.Forms.Cases.Filing;

namespace Egov.IntegrationTests.Forms;

/// <summary>
/// Issue 18: submissions do not queue behind each other; the answer carries the reference number,
/// the instant and the receipt's link; the receipt PDF is rendered after commit, the same bytes
/// however and wherever it is rendered; reference numbers stay unique across host instances.
/// </summary>
public sealed class SubmissionScalingTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    [Fact]
    public async Task Submit_WhileAnotherSubmissionHasTakenItsNumberAndNotCommitted_DoesNotWaitForIt()
    {
        var ct = TestContext.Current.CancellationToken;
        using var erika = await factory.CreateClientAsAsync("erika");
        var draft = await DraftReadyToSubmitAsync(erika);

        // Another submission in flight: it has its reference number and its transaction is still
        // open (it renders, it waits for the disk, its client is slow).
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
        var numbers = scope.ServiceProvider.GetRequiredService<ReferenceNumbers>();

        // The year's sequence is created with the first number of the process; created inside the
        // open transaction below, its uncommitted DDL would hold every other submission, which is
        // this test's artefact (the host never takes a number inside a transaction).
        await numbers.NextAsync(ct);
        await using var inFlight = await db.Database.BeginTransactionAsync(ct);
        var taken = await numbers.NextAsync(ct);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        var submitted = await erika.PostAsync($"/api/v1/applications/{draft}/submit", null, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var reference = (await submitted.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("referenceNumber").GetString();
        Assert.NotEqual(taken, reference);
        await inFlight.RollbackAsync(ct);
    }

    [Fact]
    public async Task Submit_Answer_CarriesReferenceInstantAndReceiptLink_VerifiableAndDownloadableAtOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        using var erika = await factory.CreateClientAsAsync("erika");
        var draft = await DraftReadyToSubmitAsync(erika);

        var answer = await (await erika.PostAsync($"/api/v1/applications/{draft}/submit", null, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        var reference = answer.GetProperty("referenceNumber").GetString()!;
        var receipt = answer.GetProperty("receipt");
        var fingerprint = receipt.GetProperty("fingerprint").GetString()!;
        var verify = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/receipts/verify?reference={reference}&fingerprint={fingerprint}", ct);
        var pdf = await erika.GetAsync(receipt.GetProperty("url").GetString(), ct);

        Assert.Matches("^EGOV-\\d{4}-\\d{6}$", reference);
        Assert.Equal(JsonValueKind.String, answer.GetProperty("submittedAt").ValueKind);
        Assert.Equal($"/api/v1/applications/{draft}/receipt", receipt.GetProperty("url").GetString());
        Assert.EndsWith($"/api/v1/receipts/verify?reference={reference}&fingerprint={fingerprint}", receipt.GetProperty("verificationUrl").GetString(), StringComparison.Ordinal);
        Assert.True(verify.GetProperty("valid").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var read = await erika.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{draft}", ct);
        Assert.Equal(fingerprint, read.GetProperty("receipt").GetProperty("fingerprint").GetString());
    }

    [Fact]
    public async Task Receipt_LeftWithoutPdfByACrash_IsRenderedByTheSweepAndOnDownload_WithTheSameBytes()
    {
        var ct = TestContext.Current.CancellationToken;
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, _) = await FileAsync(erika, "gewerbeanmeldung-gewa1");
        var issued = await StoredPdfAsync(id, ct);

        // The host died between the commit and the render: the receipt has no PDF.
        await ForgetPdfAsync(id, ct);
        var swept = await factory.Services.GetRequiredService<ReceiptRenderWorker>().SweepAsync(DateTimeOffset.MaxValue, ct);
        var afterSweep = await StoredPdfAsync(id, ct);

        // The download came first: it renders on the spot.
        await ForgetPdfAsync(id, ct);
        var downloaded = await (await erika.GetAsync($"/api/v1/applications/{id}/receipt", ct)).Content.ReadAsByteArrayAsync(ct);

        Assert.True(swept >= 1);
        Assert.Equal(issued, afterSweep);
        Assert.Equal(issued, downloaded);
        Assert.Equal(issued, await StoredPdfAsync(id, ct));
    }

    [Fact]
    public async Task Sweep_WithOneReceiptThatCannotRender_StoresTheOthersOfItsBatch()
    {
        // Receipts are rendered and stored in batches; one that cannot render (its stored authority is no
        // object) must not cost the others their PDF.
        var ct = TestContext.Current.CancellationToken;
        using var erika = await factory.CreateClientAsAsync("erika");
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var (id, _) = await FileAsync(erika, "hundesteuer-anmeldung");
            Assert.NotNull(await StoredPdfAsync(id, ct));
            ids.Add(id);
        }

        foreach (var id in ids)
        {
            await ForgetPdfAsync(id, ct);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<FormsDbContext>().Receipts.Where(r => r.ApplicationId == ids[1])
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Authority, "[]"), ct);
        }

        await factory.Services.GetRequiredService<ReceiptRenderWorker>().SweepAsync(DateTimeOffset.MaxValue, ct);

        await using var check = factory.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<FormsDbContext>().Receipts.AsNoTracking()
            .Where(r => ids.Contains(r.ApplicationId)).ToDictionaryAsync(r => r.ApplicationId, r => r.Pdf != null, ct);
        Assert.True(stored[ids[0]]);
        Assert.False(stored[ids[1]]);
        Assert.True(stored[ids[2]]);
    }

    [Fact]
    public async Task Submit_OnTwoHostInstancesOfOneDatabaseAtOnce_GivesDistinctReferenceNumbers_AndEveryReceipt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var second = new SecondInstance(factory.ConnectionString);
        using var viaFirst = await factory.CreateClientAsAsync("erika");
        using var viaSecond = await second.CreateClientAsAsync("erika");
        var drafts = new List<(HttpClient Client, Guid Id)>();
        for (var i = 0; i < 15; i++)
        {
            drafts.Add((viaFirst, await DraftReadyToSubmitAsync(viaFirst)));
            drafts.Add((viaSecond, await DraftReadyToSubmitAsync(viaSecond)));
        }

        var answers = await Task.WhenAll(drafts.Select(d => d.Client.PostAsync($"/api/v1/applications/{d.Id}/submit", null, ct)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var references = await Task.WhenAll(answers.Select(async a =>
            (await a.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("referenceNumber").GetString()));
        Assert.Equal(drafts.Count, references.Distinct(StringComparer.Ordinal).Count());

        // Each instance serves the receipts the other one issued.
        foreach (var (client, id) in drafts)
        {
            var other = client == viaFirst ? viaSecond : viaFirst;
            var receipt = await other.GetAsync($"/api/v1/applications/{id}/receipt", ct);
            Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        }
    }

    private async Task<byte[]?> StoredPdfAsync(Guid id, CancellationToken ct)
    {
        // The background worker renders moments after the commit; wait for it (bounded).
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var pdf = await scope.ServiceProvider.GetRequiredService<FormsDbContext>().Receipts.AsNoTracking()
                .Where(r => r.ApplicationId == id).Select(r => r.Pdf).SingleAsync(ct);
            if (pdf is not null)
            {
                return pdf;
            }

            await Task.Delay(100, ct);
        }

        return null;
    }

    private async Task ForgetPdfAsync(Guid id, CancellationToken ct)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FormsDbContext>().Receipts.Where(r => r.ApplicationId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Pdf, (byte[]?)null).SetProperty(r => r.PdfSha256, (string?)null), ct);
    }

    /// <summary>A second host instance on the first one's database.</summary>
    private sealed class SecondInstance : EgovApplicationFactory
    {
        public SecondInstance(string connectionString) => ConnectionString = connectionString;

        public override ValueTask InitializeAsync() => ValueTask.CompletedTask;
    }
}
