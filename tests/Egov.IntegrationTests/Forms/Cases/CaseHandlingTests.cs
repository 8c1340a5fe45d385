using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Egov.IntegrationTests.Identity;
using Egov.Modules.Forms.Persistence;
using Egov.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Egov.IntegrationTests.Forms.Cases.Filing;

namespace Egov.IntegrationTests.Forms.Cases;

/// <summary>Staff case handling: transitions, concurrency, departments, information requests, messages, audit.</summary>
public sealed class CaseHandlingTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    [Fact]
    public async Task Transition_NotAllowedNow_Is409ListingTheAllowedOnes_AndChangesNothing()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var caseworker = await factory.CreateClientAsAsync("caseworker");
        var (id, _) = await FileAsync(erika);
        var (before, etag) = await GetCaseAsync(caseworker, id);

        var response = await PostAsync(caseworker, $"/api/v1/cases/{id}/transitions", new { to = "Approved" }, etag);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal(["InReview"], problem.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
        var (after, etagAfter) = await GetCaseAsync(caseworker, id);
        Assert.Equal(etag, etagAfter);
        Assert.Equal("Submitted", after.GetProperty("status").GetString());
        Assert.Equal(before.GetProperty("history").GetArrayLength(), after.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task Transition_WithoutIfMatch_Is428_WithStaleETag_Is412()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var caseworker = await factory.CreateClientAsAsync("caseworker");
        var (id, _) = await FileAsync(erika);
        var (_, etag) = await GetCaseAsync(caseworker, id);
        await TransitionAsync(caseworker, id, "InReview");

        var missing = await PostAsync(caseworker, $"/api/v1/cases/{id}/transitions", new { to = "Approved" }, null);
        var stale = await PostAsync(caseworker, $"/api/v1/cases/{id}/transitions", new { to = "Approved" }, etag);
        var star = await PostAsync(caseworker, $"/api/v1/cases/{id}/transitions", new { to = "Approved" }, "*");

        Assert.Equal((HttpStatusCode)428, missing.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal((HttpStatusCode)428, star.StatusCode);
        Assert.Equal("InReview", (await GetCaseAsync(caseworker, id)).Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Reject_WithoutReason_Is400NamingReason()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var caseworker = await factory.CreateClientAsAsync("caseworker");
        var (id, _) = await FileAsync(erika);
        await TransitionAsync(caseworker, id, "InReview");
        var (_, etag) = await GetCaseAsync(caseworker, id);

        var response = await PostAsync(caseworker, $"/api/v1/cases/{id}/transitions", new { to = "Rejected", reason = "  " }, etag);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemAsync(response)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal("InReview", (await GetCaseAsync(caseworker, id)).Body.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("Approve")]
    [InlineData("Draft")]
    [InlineData("7")]
    public async Task Transition_ToUnknownStatus_Is400NamingTo(string to)
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var caseworker = await factory.CreateClientAsAsync("caseworker");
        var (id, _) = await FileAsync(erika);
        var (_, etag) = await GetCaseAsync(caseworker, id);

        var response = await PostAsync(caseworker, $"/api/v1/cases/{id}/transitions", new { to }, etag);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemAsync(response)).GetProperty("errors").TryGetProperty("to", out _));
    }

    [Fact]
    public async Task TwoCaseworkersActingAtOnce_ExactlyOneWins_TheOtherGets412()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var clara = await factory.CreateClientAsAsync("caseworker");
        using var admin = await factory.CreateClientAsAsync("admin");
        var (id, _) = await FileAsync(erika);
        await TransitionAsync(clara, id, "InReview");
        var (_, etag) = await GetCaseAsync(clara, id);

        var results = await Task.WhenAll(
            PostAsync(clara, $"/api/v1/cases/{id}/transitions", new { to = "Approved", reason = "Alle Voraussetzungen erfüllt." }, etag),
            PostAsync(admin, $"/api/v1/cases/{id}/transitions", new { to = "Rejected", reason = "Kein Wohnsitz im Gebiet." }, etag),
            PostAsync(clara, $"/api/v1/cases/{id}/assign", new { assignee = "me" }, etag));

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
        var (body, _) = await GetCaseAsync(clara, id);
        Assert.Equal(3, body.GetProperty("history").GetArrayLength()); // Submitted, InReview, and the one winner
    }

    [Fact]
    public async Task CaseworkerOfAnotherDepartment_Gets404_AndDoesNotSeeItInTheWorklist()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var karl = await factory.CreateClientAsAsync("caseworker2"); // citizen-services, not public-order
        var (id, reference) = await FileAsync(erika);

        var read = await karl.GetAsync($"/api/v1/cases/{id}", TestContext.Current.CancellationToken);
        var change = await PostAsync(karl, $"/api/v1/cases/{id}/transitions", new { to = "InReview" }, "\"1\"");
        var list = await karl.GetFromJsonAsync<JsonElement>($"/api/v1/cases?q={reference}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, change.StatusCode);
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("erika")]
    [InlineData("editor")]
    public async Task NonCaseworkers_CannotReachCases(string user)
    {
        using var client = await factory.CreateClientAsAsync(user);

        var response = await client.GetAsync("/api/v1/cases", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Assign_ToUnknownOrOtherDepartmentColleague_Is400NamingAssignee_AndChangesNothing()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var clara = await factory.CreateClientAsAsync("caseworker");
        using var karl = await factory.CreateClientAsAsync("caseworker2");
        (await karl.GetAsync("/api/v1/cases", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode(); // Karl is known now
        var (id, _) = await FileAsync(erika);
        var (_, etag) = await GetCaseAsync(clara, id);

        var unknown = await PostAsync(clara, $"/api/v1/cases/{id}/assign", new { assignee = "nobody-here" }, etag);
        var otherDepartment = await PostAsync(clara, $"/api/v1/cases/{id}/assign", new { assignee = "dev-staff-caseworker2" }, etag);

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await ProblemAsync(unknown)).GetProperty("errors").TryGetProperty("assignee", out _));
        Assert.Equal(HttpStatusCode.BadRequest, otherDepartment.StatusCode);
        Assert.Contains("public-order", (await ProblemAsync(otherDepartment)).GetProperty("errors").GetProperty("assignee")[0].GetString(), StringComparison.Ordinal);
        var (body, etagAfter) = await GetCaseAsync(clara, id);
        Assert.Equal(etag, etagAfter);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("assigneeSubject").ValueKind);
    }

    [Fact]
    public async Task Assign_ToSelfThenUnassign_IsRecordedInternally_NotShownToTheApplicant()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var clara = await factory.CreateClientAsAsync("caseworker");
        var (id, _) = await FileAsync(erika);

        var (_, etag) = await GetCaseAsync(clara, id);
        var assigned = await PostAsync(clara, $"/api/v1/cases/{id}/assign", new { assignee = "me" }, etag);
        var assignedBody = await ProblemAsync(assigned);
        var unassigned = await PostAsync(clara, $"/api/v1/cases/{id}/assign", new { assignee = (string?)null }, assigned.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal("dev-staff-caseworker", assignedBody.GetProperty("assigneeSubject").GetString());
        Assert.Equal(HttpStatusCode.OK, unassigned.StatusCode);
        var history = (await GetCaseAsync(clara, id)).Body.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["StatusChanged", "Assigned", "Unassigned"], history);
        var citizenView = await erika.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}", TestContext.Current.CancellationToken);
        Assert.Single(citizenView.GetProperty("case").GetProperty("history").EnumerateArray());
    }

    [Fact]
    public async Task StatusChangesWithinOneSecond_AllSucceed_AndKeepTheirOrder()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var clara = await factory.CreateClientAsAsync("caseworker");
        var (id, _) = await FileAsync(erika);

        await TransitionAsync(clara, id, "InReview");
        await TransitionAsync(clara, id, "Approved", "Voraussetzungen erfüllt.");
        await TransitionAsync(clara, id, "Closed");

        var history = await clara.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/history", TestContext.Current.CancellationToken);
        Assert.Equal(
            ["Submitted", "InReview", "Approved", "Closed"],
            history.EnumerateArray().Select(h => h.GetProperty("toStatus").GetString()));
        Assert.Equal([1, 2, 3, 4], history.EnumerateArray().Select(h => h.GetProperty("sequence").GetInt32()));
    }

    [Fact]
    public async Task History_IsAppendOnly_InTheDatabase()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, _) = await FileAsync(erika);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();

        var update = await Record.ExceptionAsync(() => db.Database.ExecuteSqlAsync(
            $"UPDATE forms.case_history SET reason = 'forged' WHERE application_id = {id}", TestContext.Current.CancellationToken));
        var delete = await Record.ExceptionAsync(() => db.Database.ExecuteSqlAsync(
            $"DELETE FROM forms.case_history WHERE application_id = {id}", TestContext.Current.CancellationToken));

        var truncate = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync(
            "TRUNCATE forms.case_history CASCADE", TestContext.Current.CancellationToken));

        Assert.Contains("append-only", update?.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete?.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", truncate?.Message, StringComparison.Ordinal);
        Assert.Equal(1, await db.CaseHistory.CountAsync(e => e.ApplicationId == id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task InformationRequest_BadInput_IsRefusedNamingTheField()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var clara = await factory.CreateClientAsAsync("caseworker");
        var (id, _) = await FileAsync(erika);
        await TransitionAsync(clara, id, "InReview");
        var (_, etag) = await GetCaseAsync(clara, id);

        var noMessage = await PostAsync(clara, $"/api/v1/cases/{id}/information-requests", new { message = "", answerBy = "2099-01-01" }, etag);
        var past = await PostAsync(clara, $"/api/v1/cases/{id}/information-requests", new { message = "Bitte Halterbestätigung nachreichen.", answerBy = "2020-01-01" }, etag);

        Assert.True((await ProblemAsync(noMessage)).GetProperty("errors").TryGetProperty("message", out _));
        Assert.True((await ProblemAsync(past)).GetProperty("errors").TryGetProperty("answerBy", out _));
        Assert.Equal("InReview", (await GetCaseAsync(clara, id)).Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Answer_ToAnsweredRequest_Is409_AndMessagesOverTheLimitAre400()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var clara = await factory.CreateClientAsAsync("caseworker");
        var (id, requestId) = await InformationRequestedAsync(erika, clara, "Bitte die Halterbestätigung nachreichen.");

        using var first = Answer("Anbei die Bestätigung.", ("halterbestaetigung.pdf", ApplicationsTests.MinimalPdf));
        var answered = await erika.PostAsync($"/api/v1/applications/{id}/information-requests/{requestId}/answer", first, TestContext.Current.CancellationToken);
        using var second = Answer("Noch einmal.");
        var again = await erika.PostAsync($"/api/v1/applications/{id}/information-requests/{requestId}/answer", second, TestContext.Current.CancellationToken);
        var tooLong = await erika.PostAsJsonAsync($"/api/v1/applications/{id}/messages", new { body = new string('x', 5001) }, TestContext.Current.CancellationToken);
        var staffTooLong = await clara.PostAsJsonAsync($"/api/v1/cases/{id}/messages", new { body = new string('x', 5001) }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.True((await ProblemAsync(tooLong)).GetProperty("errors").TryGetProperty("body", out _));
        Assert.True((await ProblemAsync(staffTooLong)).GetProperty("errors").TryGetProperty("body", out _));
        var view = await erika.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}", TestContext.Current.CancellationToken);
        Assert.Single(view.GetProperty("case").GetProperty("messages").EnumerateArray()); // the answer only
    }

    [Fact]
    public async Task Answer_WithAFileNameWithBidiAndZeroWidthCharacters_TheCaseworkerSeesItWithoutThem()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var clara = await factory.CreateClientAsAsync("caseworker");
        var (id, requestId) = await InformationRequestedAsync(erika, clara, "Bitte die Halterbestätigung nachreichen.");

        using var answer = Answer("Anbei.", ("Halter\u200Bbestätigung\u202Efdp.exe", ApplicationsTests.MinimalPdf));
        var answered = await erika.PostAsync($"/api/v1/applications/{id}/information-requests/{requestId}/answer", answer, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var (body, _) = await GetCaseAsync(clara, id);
        var stored = body.GetProperty("attachments").EnumerateArray().Single(a => a.GetProperty("informationRequestId").ValueKind != JsonValueKind.Null);
        Assert.Equal("Halterbestätigungfdp.exe", stored.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task Answer_WithAFileOfTheWrongType_IsRefused_AndTheRequestStaysOpen()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var clara = await factory.CreateClientAsAsync("caseworker");
        var (id, requestId) = await InformationRequestedAsync(erika, clara, "Bitte Meldebescheinigung nachreichen.");

        using var answer = Answer("Anbei.", ("meldebescheinigung.pdf", "GIF89a"u8.ToArray()));
        var response = await erika.PostAsync($"/api/v1/applications/{id}/information-requests/{requestId}/answer", answer, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (body, _) = await GetCaseAsync(clara, id);
        Assert.Equal("InformationRequested", body.GetProperty("status").GetString());
        Assert.Equal("Open", body.GetProperty("informationRequests")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task InternalNotes_AreNeverShownToTheApplicant()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var clara = await factory.CreateClientAsAsync("caseworker");
        var (id, _) = await FileAsync(erika);

        (await clara.PostAsJsonAsync($"/api/v1/cases/{id}/messages", new { body = "Halter laut ZEVIS abweichend – prüfen.", @internal = true }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        (await clara.PostAsJsonAsync($"/api/v1/cases/{id}/messages", new { body = "Wir prüfen Ihren Antrag.", @internal = false }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        (await erika.PostAsJsonAsync($"/api/v1/applications/{id}/messages", new { body = "Danke!" }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        var staffThread = await clara.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/messages", TestContext.Current.CancellationToken);
        var citizenThread = (await erika.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}", TestContext.Current.CancellationToken)).GetProperty("case").GetProperty("messages");
        Assert.Equal(3, staffThread.GetArrayLength());
        Assert.Equal(["Wir prüfen Ihren Antrag.", "Danke!"], citizenThread.EnumerateArray().Select(m => m.GetProperty("body").GetString()));
    }

    [Fact]
    public async Task StaffReads_AreLogged_AndQueryableByAnAdministratorOnly()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var clara = await factory.CreateClientAsAsync("caseworker");
        using var admin = await factory.CreateClientAsAsync("admin");
        var (id, _) = await FileAsync(erika);
        var (body, _) = await GetCaseAsync(clara, id);
        var attachment = body.GetProperty("attachments")[0].GetProperty("id").GetGuid();
        (await clara.GetAsync($"/api/v1/cases/{id}/attachments/{attachment}", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        (await clara.GetAsync($"/api/v1/cases?q={body.GetProperty("referenceNumber").GetString()}", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        var log = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/cases/access-log?caseId={id}", TestContext.Current.CancellationToken);
        var forbidden = await clara.GetAsync($"/api/v1/cases/access-log?caseId={id}", TestContext.Current.CancellationToken);

        var entries = log.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["worklist", $"attachment:{attachment}", "case"], entries.Select(e => e.GetProperty("resource").GetString()));
        Assert.All(entries, e => Assert.Equal("dev-staff-caseworker", e.GetProperty("actorSubject").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Withdraw_AfterDecision_Is409()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var clara = await factory.CreateClientAsAsync("caseworker");
        var (id, _) = await FileAsync(erika);
        await TransitionAsync(clara, id, "InReview");
        await TransitionAsync(clara, id, "Rejected", "Die Anschrift liegt nicht im Bewohnerparkgebiet.");

        var response = await erika.PostAsync($"/api/v1/applications/{id}/withdraw", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var view = await erika.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}", TestContext.Current.CancellationToken);
        Assert.Equal("Rejected", view.GetProperty("status").GetString());
        Assert.Equal("Die Anschrift liegt nicht im Bewohnerparkgebiet.", view.GetProperty("case").GetProperty("decisionReason").GetString());
    }

    /// <summary>Files an application as <paramref name="citizen"/>, puts it in review and asks for a document; returns the application and the request.</summary>
    private static async Task<(Guid Id, Guid RequestId)> InformationRequestedAsync(HttpClient citizen, HttpClient caseworker, string message)
    {
        var (id, _) = await FileAsync(citizen);
        await TransitionAsync(caseworker, id, "InReview");
        var (_, etag) = await GetCaseAsync(caseworker, id);
        var asked = await PostAsync(caseworker, $"/api/v1/cases/{id}/information-requests",
            new { message, answerBy = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, etag);
        return (id, (await ProblemAsync(asked)).GetProperty("informationRequests")[0].GetProperty("id").GetGuid());
    }
}
