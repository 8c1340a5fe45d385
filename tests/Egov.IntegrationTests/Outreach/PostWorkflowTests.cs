using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.IntegrationTests.Announcements;
using Egov.IntegrationTests.Identity;
using Egov.Testing.Fakes;
using static Egov.IntegrationTests.Outreach.OutreachApi;

namespace Egov.IntegrationTests.Outreach;

/// <summary>
/// The post workflow through the real API: four eyes, the guidelines gate, checks on submission and
/// approval, break-glass for crisis posts, and posts held while an alert is active.
/// </summary>
public sealed class PostWorkflowTests(OutreachFactory factory) : IClassFixture<OutreachFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A council letter's footer with a mobile number, an e-mail address and an IBAN (all fake).</summary>
    private const string CouncilLetter =
        "Die Stadt lädt zur Bürgerversammlung am 3. Dezember 2026 um 18 Uhr ins Rathaus ein.\n\n" +
        "Rückfragen: Max Beispiel, Mobil 0151 23456789, max.beispiel@stadt-beispiel.de, Spenden an IBAN DE89 3704 0044 0532 0130 00";

    [Fact]
    public async Task Approve_OwnPost_IsRefused_AnotherApproverApproves_AndTheApprovalIsRecorded()
    {
        var channel = await MastodonChannelAsync();
        using var pressOfficer = factory.CreateClientWithRoles("kc-press-1", "Petra Presse", "Editor", "Approver");
        using var approver = await factory.CreateClientAsAsync("approver");
        await AcknowledgeAsync(pressOfficer);
        await AcknowledgeAsync(approver);
        var post = await CreatePostAsync(pressOfficer, Post("Weihnachtsmarkt", false, (channel, "Der Weihnachtsmarkt öffnet am Freitag um 16 Uhr.")));
        var submitted = await TransitionAsync(pressOfficer, post, "submit");
        Assert.Equal(HttpStatusCode.OK, submitted.Status);

        var own = await TransitionAsync(pressOfficer, submitted.Body, "approve");

        Assert.Equal(HttpStatusCode.Forbidden, own.Status);
        Assert.Contains("four-eyes", own.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("InReview", (await GetPostAsync(pressOfficer, post)).GetProperty("status").GetString());

        var approved = await TransitionAsync(approver, submitted.Body, "approve");

        Assert.Equal(HttpStatusCode.OK, approved.Status);
        Assert.Equal("Approved", approved.Body.GetProperty("status").GetString());
        var approval = approved.Body.GetProperty("approval");
        Assert.Equal("Paul Pressesprecher", approval.GetProperty("approvedBy").GetString());
        Assert.False(approval.GetProperty("breakGlass").GetBoolean());
        var current = await approver.GetFromJsonAsync<JsonElement>("/api/v1/outreach/guidelines/current", Ct);
        Assert.Equal(current.GetProperty("version").GetInt32(), approval.GetProperty("guidelineVersion").GetInt32());
        var history = await approver.GetFromJsonAsync<JsonElement>($"/api/v1/outreach/posts/{post.GetProperty("id")}/history", Ct);
        var entry = history.EnumerateArray().Single(h => h.GetProperty("action").GetString() == "approved");
        Assert.Equal("Paul Pressesprecher", entry.GetProperty("actor").GetString());
        Assert.True(entry.GetProperty("checkResults").GetProperty("passes").GetBoolean());
        Assert.Equal(["created", "submitted", "approved"], history.EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        Assert.All(history.EnumerateArray(), h => Assert.Equal(current.GetProperty("version").GetInt32(), h.GetProperty("guidelineVersion").GetInt32()));
    }

    [Fact]
    public async Task Approve_ByAnApproverWhoEditedThePost_IsRefused()
    {
        var channel = await MastodonChannelAsync();
        using var editor = await factory.CreateClientAsAsync("editor");
        using var pressOfficer = factory.CreateClientWithRoles("kc-press-2", "Olaf Obermann", "Editor", "Approver");
        await AcknowledgeAsync(editor);
        await AcknowledgeAsync(pressOfficer);
        var post = await CreatePostAsync(editor, Post("Laubabfuhr", false, (channel, "Die Laubabfuhr beginnt am Montag.")));
        var edited = await SendAsync(pressOfficer, HttpMethod.Put, $"/api/v1/outreach/posts/{post.GetProperty("id")}",
            Post("Laubabfuhr", false, (channel, "Die Laubabfuhr beginnt am Montag, den 7. Dezember.")), post.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.OK, edited.Status);
        var submitted = await TransitionAsync(editor, edited.Body, "submit");

        var approval = await TransitionAsync(pressOfficer, submitted.Body, "approve");

        Assert.Equal(HttpStatusCode.Forbidden, approval.Status);
        Assert.Contains("edited this post", approval.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GuidelinesGate_WithoutAcknowledgement_Is403_ForDraftingAndApproving_AndANewVersionMustBeAcknowledgedAgain()
    {
        var channel = await MastodonChannelAsync();
        using var newEditor = factory.CreateClientWithRoles("kc-editor-new", "Nina Neu", "Editor");
        using var newApprover = factory.CreateClientWithRoles("kc-approver-new", "Arne Anders", "Approver");
        using var admin = await factory.CreateClientAsAsync("admin");
        var body = Post("Baustelle", false, (channel, "Die Bahnhofstraße ist ab Montag gesperrt."));

        var refused = await SendAsync(newEditor, HttpMethod.Post, "/api/v1/outreach/posts", body);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("guidelines-not-acknowledged", refused.Body.GetProperty("code").GetString());
        await AcknowledgeAsync(newEditor);
        var post = await CreatePostAsync(newEditor, body);
        var submitted = await TransitionAsync(newEditor, post, "submit");

        var approvalRefused = await TransitionAsync(newApprover, submitted.Body, "approve");

        Assert.Equal(HttpStatusCode.Forbidden, approvalRefused.Status);
        Assert.Equal("guidelines-not-acknowledged", approvalRefused.Body.GetProperty("code").GetString());
        Assert.Equal("InReview", (await GetPostAsync(newEditor, post)).GetProperty("status").GetString());

        var published = await SendAsync(admin, HttpMethod.Post, "/api/v1/outreach/guidelines",
            new { title = "Social-Media-Leitlinien der Stadt", body = "## Neu\nKeine Beiträge nach 22 Uhr.", changeNote = "Ruhezeiten ergänzt" });
        Assert.Equal(HttpStatusCode.Created, published.Status);

        var afterNewVersion = await SendAsync(newEditor, HttpMethod.Post, "/api/v1/outreach/posts", body);

        Assert.Equal(HttpStatusCode.Forbidden, afterNewVersion.Status);
        Assert.Equal(published.Body.GetProperty("version").GetInt32(), afterNewVersion.Body.GetProperty("guidelineVersion").GetInt32());
    }

    [Fact]
    public async Task CouncilLetterWithPersonalData_CannotBeSubmittedOrApproved_ForAnyPublicChannel_AndTheFindingsNameEachItem()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        using var editor = await factory.CreateClientAsAsync("editor");
        await AcknowledgeAsync(editor);
        var mastodon = await MastodonChannelAsync();
        var bluesky = (await CreateChannelAsync(admin, Channel("bluesky", $"Bluesky {Guid.NewGuid():N}", account: "stadt.bsky.social"))).GetProperty("id").GetGuid();
        var telegram = (await CreateChannelAsync(admin, Channel("telegram", $"Telegram {Guid.NewGuid():N}", "@stadt_info"))).GetProperty("id").GetGuid();
        var post = await CreatePostAsync(editor, Post("Bürgerversammlung", false, (mastodon, CouncilLetter), (bluesky, CouncilLetter), (telegram, CouncilLetter)));

        var submitted = await TransitionAsync(editor, post, "submit");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, submitted.Status);
        Assert.Equal("checks-failed", submitted.Body.GetProperty("code").GetString());
        var channels = submitted.Body.GetProperty("checks").GetProperty("channels").EnumerateArray().ToList();
        Assert.Equal(3, channels.Count);
        foreach (var channel in channels)
        {
            var codes = channel.GetProperty("findings").EnumerateArray()
                .Where(f => f.GetProperty("severity").GetString() == "Blocking")
                .Select(f => (Code: f.GetProperty("code").GetString(), Match: f.GetProperty("match").GetString())).ToList();
            Assert.Contains(codes, f => f.Code == "personal-data.phone" && f.Match!.Contains("0151", StringComparison.Ordinal));
            Assert.Contains(codes, f => f.Code == "personal-data.email" && f.Match == "max.beispiel@stadt-beispiel.de");
            Assert.Contains(codes, f => f.Code == "personal-data.iban" && f.Match!.Replace(" ", "", StringComparison.Ordinal) == "DE89370400440532013000");
        }

        Assert.Equal("Draft", (await GetPostAsync(editor, post)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Approve_WhenTheInstanceLoweredItsLimitSinceSubmission_Is422_AndThePostStaysInReview()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        using var editor = await factory.CreateClientAsAsync("editor");
        using var approver = await factory.CreateClientAsAsync("approver");
        await AcknowledgeAsync(editor);
        await AcknowledgeAsync(approver);
        var channel = await MastodonChannelAsync();
        var post = await CreatePostAsync(editor, Post("Lang", false, (channel, new string('a', 450))));
        var submitted = await TransitionAsync(editor, post, "submit");
        Assert.Equal(HttpStatusCode.OK, submitted.Status);
        factory.Mastodon.InstanceDocument = FakeMastodon.WithMaxCharacters(400);
        try
        {
            var refreshed = await SendAsync(admin, HttpMethod.Post, $"/api/v1/outreach/channels/{channel}/limits/refresh");
            Assert.Equal(400, refreshed.Body.GetProperty("limits").GetProperty("maxLength").GetInt32());

            var approval = await TransitionAsync(approver, submitted.Body, "approve");

            Assert.Equal(HttpStatusCode.UnprocessableEntity, approval.Status);
            var check = approval.Body.GetProperty("checks").GetProperty("channels")[0];
            Assert.Equal(450, check.GetProperty("count").GetInt32());
            Assert.Equal(400, check.GetProperty("limit").GetInt32());
            Assert.Equal("InReview", (await GetPostAsync(approver, post)).GetProperty("status").GetString());
        }
        finally
        {
            factory.Mastodon.InstanceDocument = FakeMastodon.InstanceExample;
            await SendAsync(admin, HttpMethod.Post, $"/api/v1/outreach/channels/{channel}/limits/refresh");
        }
    }

    [Fact]
    public async Task Edit_AfterApproval_SendsThePostBackToReview()
    {
        var (post, editor, _) = await ApprovedPostAsync("Sperrmüll", "Der Sperrmüll wird am Dienstag abgeholt.");
        var channel = post.GetProperty("variants")[0].GetProperty("channelId").GetGuid();

        var edited = await SendAsync(editor, HttpMethod.Put, $"/api/v1/outreach/posts/{post.GetProperty("id")}",
            Post("Sperrmüll", false, (channel, "Der Sperrmüll wird am Mittwoch abgeholt.")), post.GetProperty("version").GetInt32());

        Assert.Equal(HttpStatusCode.OK, edited.Status);
        Assert.Equal("InReview", edited.Body.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, edited.Body.GetProperty("approval").ValueKind);
    }

    [Fact]
    public async Task CrisisManager_ApprovesOwnCrisisPost_AsBreakGlass_ListedForReviewUntilAnApproverReviewsIt()
    {
        var channel = await MastodonChannelAsync(crisis: true);
        using var crisis = await factory.CreateClientAsAsync("crisis");
        using var approver = await factory.CreateClientAsAsync("approver");
        await AcknowledgeAsync(crisis);
        var post = await CreatePostAsync(crisis, Post("Sturm", true, (channel, "Sturmwarnung: Bitte bleiben Sie heute Abend zu Hause.")));

        var approved = await TransitionAsync(crisis, post, "approve");

        Assert.Equal(HttpStatusCode.OK, approved.Status);
        Assert.True(approved.Body.GetProperty("approval").GetProperty("breakGlass").GetBoolean());
        var toReview = await approver.GetFromJsonAsync<JsonElement>("/api/v1/outreach/posts?breakGlass=true", Ct);
        Assert.Contains(toReview.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == post.GetProperty("id").GetGuid());

        var reviewed = await TransitionAsync(approver, approved.Body, "review", new { note = "Angemessen." });

        Assert.Equal(HttpStatusCode.OK, reviewed.Status);
        toReview = await approver.GetFromJsonAsync<JsonElement>("/api/v1/outreach/posts?breakGlass=true", Ct);
        Assert.DoesNotContain(toReview.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == post.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task CrisisManager_CannotDraftOrSelfApproveANonCrisisPost()
    {
        var channel = await MastodonChannelAsync();
        using var crisis = await factory.CreateClientAsAsync("crisis");
        await AcknowledgeAsync(crisis);

        var (status, _) = await SendAsync(crisis, HttpMethod.Post, "/api/v1/outreach/posts", Post("Kein Krisenbeitrag", false, (channel, "Heute ist Markttag.")));

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task CreatePost_ForAnUnknownOrDisabledChannel_Is400NamingTheVariant()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        using var editor = await factory.CreateClientAsAsync("editor");
        await AcknowledgeAsync(editor);
        var enabled = await MastodonChannelAsync();
        var disabled = (await CreateChannelAsync(admin, Channel("telegram", $"Telegram off {Guid.NewGuid():N}", "@stadt_alt", enabled: false))).GetProperty("id").GetGuid();

        var unknown = await SendAsync(editor, HttpMethod.Post, "/api/v1/outreach/posts", Post("x", false, (enabled, "Text"), (Guid.NewGuid(), "Text")));
        var off = await SendAsync(editor, HttpMethod.Post, "/api/v1/outreach/posts", Post("x", false, (disabled, "Text")));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.True(unknown.Body.GetProperty("errors").TryGetProperty("variants[1].channelId", out _), unknown.Body.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, off.Status);
        Assert.Contains("disabled", off.Body.GetProperty("errors").GetProperty("variants[0].channelId")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_WithAnImageWithoutAltText_Is422NamingTheFile_WithAltTextItPasses()
    {
        var channel = await MastodonChannelAsync();
        using var editor = await factory.CreateClientAsAsync("editor");
        await AcknowledgeAsync(editor);
        var post = await CreatePostAsync(editor, Post("Bild", false, (channel, "Das neue Rathausdach.")));
        var mediaId = (await UploadImageAsync(editor, post, "rathausdach.png", TinyPng)).GetProperty("id").GetGuid();
        post = await GetPostAsync(editor, post);
        JsonObject WithImage(string? alt)
        {
            var body = Post("Bild", false, (channel, "Das neue Rathausdach."));
            body["variants"]![0]!["media"] = new JsonArray(new JsonObject { ["mediaId"] = mediaId, ["altText"] = alt });
            return body;
        }

        var edited = await SendAsync(editor, HttpMethod.Put, $"/api/v1/outreach/posts/{post.GetProperty("id")}", WithImage(null), post.GetProperty("version").GetInt32());
        var refused = await TransitionAsync(editor, edited.Body, "submit");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        var finding = refused.Body.GetProperty("checks").GetProperty("channels")[0].GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("code").GetString() == "alt-text-missing");
        Assert.Contains("rathausdach.png", finding.GetProperty("message").GetString(), StringComparison.Ordinal);

        var withAlt = await SendAsync(editor, HttpMethod.Put, $"/api/v1/outreach/posts/{post.GetProperty("id")}", WithImage("Das Rathaus mit neuem Kupferdach in der Abendsonne"), edited.Body.GetProperty("version").GetInt32());
        var submitted = await TransitionAsync(editor, withAlt.Body, "submit");

        Assert.Equal(HttpStatusCode.OK, submitted.Status);
    }

    [Theory]
    [InlineData("Rathaus\u202Egnp.exe", "Rathausgnp.exe")]
    [InlineData("Rat\u200Bhaus\u2066dach\u2069\u0000\u009B.png", "Rathausdach.png")]
    [InlineData("../../Ratha\u0308user.png", "Rath\u00E4user.png")]
    [InlineData("\u202E\u200B", "image")]
    public async Task UploadImage_NameWithBidiFormatOrControlCharacters_IsStoredAndShownWithoutThem(string name, string stored)
    {
        var channel = await MastodonChannelAsync();
        using var editor = await factory.CreateClientAsAsync("editor");
        await AcknowledgeAsync(editor);
        var post = await CreatePostAsync(editor, Post("Bildname", false, (channel, "Das neue Rathausdach.")));

        var media = await UploadImageAsync(editor, post, name, TinyPng);

        Assert.Equal(stored, media.GetProperty("fileName").GetString());
        var history = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/outreach/posts/{post.GetProperty("id")}/history", Ct);
        Assert.Equal(stored, history.EnumerateArray().Single(h => h.GetProperty("action").GetString() == "media-added").GetProperty("note").GetString());
    }

    [Fact]
    public async Task Submit_WithAnImageOverBlueskysBlobLimit_Is422NamingTheFileAndTheLimit_A900KBImagePasses()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        var channel = (await CreateChannelAsync(admin, Channel("bluesky", $"bsky-{Guid.NewGuid():N}"[..20], "https://bsky.social", "stadt.bsky.social"))).GetProperty("id").GetGuid();
        using var editor = await factory.CreateClientAsAsync("editor");
        await AcknowledgeAsync(editor);
        var post = await CreatePostAsync(editor, Post("Großes Bild", false, (channel, "Der neue Stadtplan.")));
        var large = (await UploadImageAsync(editor, post, "stadtplan-gross.png", PngOfSize(1_200_000))).GetProperty("id").GetGuid();
        var small = (await UploadImageAsync(editor, post, "stadtplan-klein.png", PngOfSize(900_000))).GetProperty("id").GetGuid();
        JsonObject WithImage(Guid mediaId)
        {
            var body = Post("Großes Bild", false, (channel, "Der neue Stadtplan."));
            body["variants"]![0]!["media"] = new JsonArray(new JsonObject { ["mediaId"] = mediaId, ["altText"] = "Stadtplan mit den neuen Buslinien" });
            return body;
        }

        post = await GetPostAsync(editor, post);
        var withLarge = await SendAsync(editor, HttpMethod.Put, $"/api/v1/outreach/posts/{post.GetProperty("id")}", WithImage(large), post.GetProperty("version").GetInt32());
        var dryRun = await SendAsync(editor, HttpMethod.Get, $"/api/v1/outreach/posts/{post.GetProperty("id")}/check");
        var refused = await TransitionAsync(editor, withLarge.Body, "submit");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        var finding = refused.Body.GetProperty("checks").GetProperty("channels")[0].GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("code").GetString() == "media-size");
        Assert.Equal("Blocking", finding.GetProperty("severity").GetString());
        Assert.Equal("stadtplan-gross.png", finding.GetProperty("match").GetString());
        Assert.Contains("1,000,000 bytes", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(dryRun.Body.GetProperty("channels")[0].GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "media-size");
        Assert.Equal("Draft", (await GetPostAsync(editor, post)).GetProperty("status").GetString());

        var withSmall = await SendAsync(editor, HttpMethod.Put, $"/api/v1/outreach/posts/{post.GetProperty("id")}", WithImage(small), withLarge.Body.GetProperty("version").GetInt32());
        var submitted = await TransitionAsync(editor, withSmall.Body, "submit");

        Assert.Equal(HttpStatusCode.OK, submitted.Status);
    }

    [Fact]
    public async Task ScheduledNonCrisisPost_IsHeldWhileAnAlertIsActive_AndNotAfterItsCancellation()
    {
        var (post, editor, _) = await ApprovedPostAsync("Adventskonzert", "Adventskonzert am Sonntag in der Stadtkirche.");
        var scheduled = await TransitionAsync(editor, post, "schedule", new { publishAt = "2026-12-24T10:00" });
        Assert.Equal(HttpStatusCode.OK, scheduled.Status);
        Assert.False(scheduled.Body.GetProperty("heldByAlert").GetBoolean());
        using var crisis = await factory.CreateClientAsAsync("crisis");
        var (alertId, etag) = await AnnouncementWorkflowTests.CreateAsync(crisis, AnnouncementWorkflowTests.StormAlert("Orkanböen im Stadtgebiet"));
        using var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/announcements/{alertId}/publish") { Content = JsonContent.Create(new { }) };
        publish.Headers.TryAddWithoutValidation("If-Match", etag);
        using var published = await crisis.SendAsync(publish, Ct);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        await WaitUntilAsync(async () => (await GetPostAsync(editor, post)).GetProperty("heldByAlert").GetBoolean());

        var (cancelId, cancelEtag) = await AnnouncementWorkflowTests.CreateAsync(crisis, AnnouncementWorkflowTests.StormAlert("Entwarnung", "Cancel", alertId));
        using var cancel = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/announcements/{cancelId}/publish") { Content = JsonContent.Create(new { }) };
        cancel.Headers.TryAddWithoutValidation("If-Match", cancelEtag);
        using var cancelled = await crisis.SendAsync(cancel, Ct);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);

        await WaitUntilAsync(async () => !(await GetPostAsync(editor, post)).GetProperty("heldByAlert").GetBoolean());
    }

    [Fact]
    public async Task Transitions_WithoutIfMatch_Are428_AndOutOfOrder_Are409ListingTheAllowedStates()
    {
        var channel = await MastodonChannelAsync();
        using var editor = await factory.CreateClientAsAsync("editor");
        await AcknowledgeAsync(editor);
        var post = await CreatePostAsync(editor, Post("Ordnung", false, (channel, "Text.")));

        var noIfMatch = await SendAsync(editor, HttpMethod.Post, $"/api/v1/outreach/posts/{post.GetProperty("id")}/submit");
        var scheduleDraft = await TransitionAsync(editor, post, "schedule", new { });

        Assert.Equal(HttpStatusCode.PreconditionRequired, noIfMatch.Status);
        Assert.Equal(HttpStatusCode.Conflict, scheduleDraft.Status);
        Assert.Equal(["Approved", "Scheduled"], scheduleDraft.Body.GetProperty("allowedFrom").EnumerateArray().Select(s => s.GetString()));
    }

    private async Task<(JsonElement Post, HttpClient Editor, HttpClient Approver)> ApprovedPostAsync(string title, string text)
    {
        var channel = await MastodonChannelAsync();
        var editor = await factory.CreateClientAsAsync("editor");
        var approver = await factory.CreateClientAsAsync("approver");
        await AcknowledgeAsync(editor);
        await AcknowledgeAsync(approver);
        var post = await CreatePostAsync(editor, Post(title, false, (channel, text)));
        var submitted = await TransitionAsync(editor, post, "submit");
        var approved = await TransitionAsync(approver, submitted.Body, "approve");
        Assert.Equal(HttpStatusCode.OK, approved.Status);
        return (approved.Body, editor, approver);
    }

    private async Task<Guid> MastodonChannelAsync(bool crisis = false)
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        var name = $"@stadt{Guid.NewGuid():N}"[..20];
        var channel = await CreateChannelAsync(admin, Channel("mastodon", name, factory.Mastodon.BaseAddress.ToString(), "@stadt@social.example", crisis: crisis));
        return channel.GetProperty("id").GetGuid();
    }

    /// <summary>A PNG signature and then zeros up to <paramref name="bytes"/>: the checks go by type and size, not pixels.</summary>
    private static byte[] PngOfSize(int bytes)
    {
        var png = new byte[bytes];
        TinyPng.AsSpan(0, 8).CopyTo(png);
        return png;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 15 s");
            await Task.Delay(100, Ct);
        }
    }
}
