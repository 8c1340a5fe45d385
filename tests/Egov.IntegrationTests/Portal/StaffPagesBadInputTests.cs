using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Egov.IntegrationTests.Forms.Cases;
using Egov.IntegrationTests.Identity;
using Egov.Modules.Announcements.Persistence;
using Egov.Modules.Forms.Persistence;
using Egov.Modules.Outreach.Persistence;
using Egov.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests.Portal;

/// <summary>
/// Hostile input against the server-rendered staff and citizen pages, sent as a browser sends it
/// (session cookie from the development provider, antiforgery token from the page): garbage in the
/// query string, the route and hidden fields, impossible dates, enormous and odd strings. The rule:
/// a page with the field named, or a 400/403/404 — never a 500 — and nothing stored for refused input.
/// </summary>
public sealed partial class StaffPagesBadInputTests(StaffPagesBadInputTests.Factory factory) : IClassFixture<StaffPagesBadInputTests.Factory>
{
    private const string Unknown = "3f1d7c8e-0000-4000-8000-000000000001";
    private static readonly string Huge = new('x', 100_000);
    private static readonly string Script = "<script>alert('x')</script>";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("caseworker", "/staff/cases?status=xyz&page=-1&cursor=garbage")]
    [InlineData("caseworker", "/staff/cases?cursor=%00%FF%FE&back=~~~.~")]
    [InlineData("caseworker", "/staff/cases?back=~&cursor=.")]
    [InlineData("caseworker", "/staff/cases?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&sort=evil&overdue=maybe&assignee=%E2%80%AE")]
    [InlineData("caseworker", "/staff/cases?status=Submitted&status=Closed&form=unknown-form")]
    [InlineData("caseworker", "/staff/cases?q=a%00b")]
    [InlineData("caseworker", "/staff/cases?payment=%00&payment=Paid&payment=none")]
    [InlineData("editor", "/staff/announcements?status=%00")]
    [InlineData("caseworker", "/staff/cases/not-a-guid")]
    [InlineData("caseworker", "/staff/cases/" + Unknown)]
    [InlineData("caseworker", "/staff/cases/" + Unknown + "?handler=Receipt")]
    [InlineData("caseworker", "/staff/cases/" + Unknown + "?handler=Attachment&attachmentId=xyz")]
    [InlineData("caseworker", "/staff/cases/" + Unknown + "?handler=NoSuchHandler")]
    [InlineData("editor", "/staff/announcements?status=xyz&cursor=garbage&page=-1")]
    [InlineData("editor", "/staff/announcements?cursor=%E2%80%AE%00")]
    [InlineData("editor", "/staff/announcements/garbage")]
    [InlineData("editor", "/staff/announcements/" + Unknown)]
    [InlineData("editor", "/staff/announcements/new?saved=maybe")]
    [InlineData("crisis", "/staff/alerts?cursor=garbage")]
    [InlineData("crisis", "/staff/alerts/garbage")]
    [InlineData("crisis", "/staff/alerts/" + Unknown)]
    [InlineData("crisis", "/staff/alerts/new?issued=maybe")]
    [InlineData("editor", "/staff/outreach?status=xyz&cursor=garbage")]
    [InlineData("editor", "/staff/outreach?cursor=%00")]
    [InlineData("editor", "/staff/outreach/posts/garbage")]
    [InlineData("editor", "/staff/outreach/posts/" + Unknown)]
    [InlineData("editor", "/staff/outreach/posts/new?saved=%3Cscript%3E")]
    [InlineData("approver", "/staff/outreach/approvals?done=%3Cscript%3E")]
    [InlineData("admin", "/staff/outreach/channels?saved=%3Cscript%3E")]
    [InlineData("editor", "/staff/outreach/inbox?channel=garbage&show=xyz&flag=maybe&mine=maybe&cursor=garbage&done=%3Cscript%3E")]
    [InlineData("editor", "/staff/outreach/inbox?cursor=%00")]
    [InlineData("caseworker", "/staff/outreach/inbox")]
    [InlineData("admin", "/staff/outreach/channels/garbage")]
    [InlineData("admin", "/staff/outreach/channels/" + Unknown)]
    [InlineData("admin", "/staff/outreach/channels/new?done=%3Cscript%3E")]
    [InlineData("editor", "/staff/outreach/guidelines?accepted=maybe")]
    [InlineData("editor", "/staff/outreach/review?from=garbage&to=2026-02-30")]
    [InlineData("editor", "/staff/outreach/review?from=2026-12-01&to=2026-11-01")]
    [InlineData("caseworker", "/staff/outreach/review")]
    [InlineData("admin", "/staff/outreach/channels/garbage/retire")]
    [InlineData("admin", "/staff/outreach/channels/" + Unknown + "/retire")]
    [InlineData("editor", "/staff/outreach/channels/" + Unknown + "/retire")]
    [InlineData("erika", "/applications/not-a-guid")]
    [InlineData("erika", "/applications/" + Unknown)]
    [InlineData("erika", "/applications/" + Unknown + "?handler=Receipt")]
    public async Task Get_WithGarbageInQueryOrRoute_AnswersAPageOr4xx(string user, string url)
    {
        var browser = await factory.BrowserAsync(user);

        var response = await browser.GetAsync(url, Ct);

        await AssertNoServerErrorAsync(response);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Forbidden,
            $"{url}: {response.StatusCode}");
    }

    [Theory]
    [InlineData("/staff/outreach/review?from=2026-02-30")]
    [InlineData("/staff/outreach/review?from=2026-12-01&to=2026-11-01")]
    public async Task ChannelReview_WithABrokenPeriod_NamesTheField(string url)
    {
        var browser = await factory.BrowserAsync("editor");

        var response = await browser.GetAsync(url, Ct);

        var html = await AssertNoServerErrorAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#from\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worklist_WithAControlCharacterInTheSearch_NamesTheSearchBox()
    {
        var browser = await factory.BrowserAsync("caseworker");

        var response = await browser.GetAsync("/staff/cases?q=a%00b", Ct);

        var html = await AssertNoServerErrorAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#q\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("caseworker", "/staff/cases/{case}?handler=Message")]
    [InlineData("editor", "/staff/announcements/new")]
    [InlineData("crisis", "/staff/alerts/new?handler=Issue")]
    [InlineData("editor", "/staff/outreach/posts/new")]
    [InlineData("admin", "/staff/outreach/channels/new")]
    [InlineData("approver", "/staff/outreach/approvals?handler=Approve")]
    [InlineData("editor", "/staff/outreach/inbox?handler=Answer")]
    [InlineData("editor", "/staff/outreach/inbox?handler=Moderate")]
    [InlineData("admin", "/staff/outreach/channels/" + Unknown + "/retire")]
    [InlineData("erika", "/applications/{case}?handler=Message")]
    public async Task Post_WithoutAntiforgeryToken_Is400AndStoresNothing(string user, string url)
    {
        var id = await factory.CaseAsync();
        var browser = await factory.BrowserAsync(user);
        var before = await factory.CountsAsync(id);

        var response = await browser.PostAsync(url.Replace("{case}", id.ToString(), StringComparison.Ordinal), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["body"] = "no token", ["Form.TitleDe"] = "no token", ["title"] = "no token", ["name"] = "no token",
        }), Ct);

        await AssertNoServerErrorAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await factory.CountsAsync(id));
    }

    /// <summary>The case page's forms with hostile fields; the expected input id must appear in the error summary (null: any non-500 answer).</summary>
    [Theory]
    [InlineData("Information", "answerBy=2026-02-30&message=Bitte", "info-answerBy")]
    [InlineData("Information", "answerBy=25:99&message=Bitte", "info-answerBy")]
    [InlineData("Information", "answerBy=&message=", "info-answerBy")]
    [InlineData("Information", "answerBy=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%97-01-01&message=Bitte", "info-answerBy")]
    [InlineData("Information", "answerBy=2099-01-01&message={huge}", null)]
    [InlineData("Transition", "form=decision&to=Bogus&reason=x", "decision-to")]
    [InlineData("Transition", "form=%3Cscript%3E&to=&reason=x", "decision-to")]
    [InlineData("Transition", "form=decision&to=Approved&to=Rejected&reason={huge}", null)]
    [InlineData("Transition", "form=close&etag=garbage", null)]
    [InlineData("Transition", "form=close&etag=", null)]
    [InlineData("Transition", "form=close&etag=%2299%22", null)]
    [InlineData("Transition", "form=close&etag=99999999999999999999", null)]
    [InlineData("Assign", "assignee=someone-else&etag=garbage", null)]
    [InlineData("Assign", "assignee=me&etag=-1", null)]
    [InlineData("Message", "body=", "message-body")]
    [InlineData("Message", "body={huge}", "message-body")]
    [InlineData("Message", "body=a%00b", null)]
    [InlineData("Information", "answerBy=2099-01-01&message=a%00b", null)]
    [InlineData("Message", "body=%20%E2%80%8B%E2%80%8E%EF%BB%BF%20", "message-body")]
    [InlineData("Message", "body=%E2%80%8B&internal=true", "note-body")]
    [InlineData("Message", "body={huge}&internal=true", "note-body")]
    [InlineData("Message", "body=x&internal=maybe", null)]
    [InlineData("NoSuchHandler", "body=x", null)]
    public async Task CaseForms_WithHostileFields_ShowTheFieldAndChangeNothing(string handler, string fields, string? errorInput)
    {
        var id = await factory.CaseAsync();
        var browser = await factory.BrowserAsync("caseworker");
        var before = await factory.CountsAsync(id);
        var page = $"/staff/cases/{id}";
        var form = await FormAsync(browser, page);
        if (!fields.Contains("etag=", StringComparison.Ordinal))
        {
            form.Add(new("etag", HiddenInput(form.Html, "etag")));
        }

        var response = await PostAsync(browser, $"{page}?handler={handler}", form, fields);

        var html = await AssertNoServerErrorAsync(response);
        if (errorInput is not null)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"href=\"#{errorInput}\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.CountsAsync(id));
    }

    /// <summary>A note posted with a garbled "internal" flag must not reach the applicant.</summary>
    [Fact]
    public async Task CaseMessage_WithGarbledInternalFlag_IsNotSentToTheApplicant()
    {
        var id = await factory.CaseAsync();
        var browser = await factory.BrowserAsync("caseworker");
        var form = await FormAsync(browser, $"/staff/cases/{id}");

        var response = await PostAsync(browser, $"/staff/cases/{id}?handler=Message", form, "body=Nur+intern&internal=yes");

        await AssertNoServerErrorAsync(response);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
        Assert.DoesNotContain(await db.CaseMessages.Where(m => m.ApplicationId == id).ToListAsync(Ct), m => m.Body == "Nur intern" && !m.Internal);
    }

    [Theory]
    [InlineData("Message", "body=")]
    [InlineData("Message", "body={huge}")]
    [InlineData("Message", "body=%E2%80%8B%E2%80%8B")]
    [InlineData("Answer", "requestId=garbage&message=x")]
    [InlineData("Answer", "requestId=" + Unknown + "&message={huge}")]
    [InlineData("NoSuchHandler", "body=x")]
    public async Task ApplicationForms_WithHostileFields_ChangeNothing(string handler, string fields)
    {
        var id = await factory.CaseAsync();
        var browser = await factory.BrowserAsync("erika");
        var before = await factory.CountsAsync(id);
        var form = await FormAsync(browser, $"/applications/{id}");

        var response = await PostAsync(browser, $"/applications/{id}?handler={handler}", form, fields);

        var html = await AssertNoServerErrorAsync(response);
        Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.CountsAsync(id));
    }

    /// <summary>The answer form's upload with hostile files: odd names, wrong content, far too big; nothing is stored.</summary>
    [Theory]
    [InlineData("../../etc/passwd", "text/plain", 10)]
    [InlineData("<script>alert(1)</script>.pdf", "application/pdf", 100)]
    [InlineData("rechnung\u202Efdp.exe", "application/x-msdownload", 100)]
    [InlineData("leer.pdf", "application/pdf", 0)]
    [InlineData("riesig.pdf", "application/pdf", 40 * 1024 * 1024)]
    public async Task ApplicationAnswer_WithHostileFiles_StoresNothing(string fileName, string mediaType, int size)
    {
        var id = await factory.CaseAsync();
        var browser = await factory.BrowserAsync("erika");
        var before = await factory.CountsAsync(id);
        var attachments = await factory.AttachmentCountAsync(id);
        var form = await FormAsync(browser, $"/applications/{id}");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form[0].Value), "__RequestVerificationToken" },
            { new StringContent(Unknown), "requestId" },
            { new StringContent("Anbei"), "message" },
        };
        var file = new ByteArrayContent(new byte[size]);
        file.Headers.ContentType = new(mediaType);
        content.Add(file, "files", fileName);

        // As a browser would, the big upload waits for the server's go-ahead (a 413 arrives before the body is sent).
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/applications/{id}?handler=Answer") { Content = content };
        request.Headers.ExpectContinue = true;
        var response = await browser.SendAsync(request, Ct);

        var html = await AssertNoServerErrorAsync(response);
        Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.CountsAsync(id));
        Assert.Equal(attachments, await factory.AttachmentCountAsync(id));
    }

    [Theory]
    [InlineData("", "Form.Kind=News&Form.TitleDe=&Form.BodyDe=x", "title-de")]
    [InlineData("", "Form.Kind=Bogus&Form.TitleDe=Titel&Form.BodyDe=x", "kind")]
    [InlineData("", "Form.Kind=OfficialNotice&Form.TitleDe=Titel&Form.BodyDe=x&Form.LegalEffectDate=2026-02-30", "legal-effect-date")]
    [InlineData("", "Form.Kind=Event&Form.TitleDe=Titel&Form.BodyDe=x&Form.EventStartDate=2026-02-30&Form.EventStartTime=25:99&Form.EventEndDate=x&Form.EventEndTime=y&Form.EventPlace=Rathaus", "event-start-date")]
    [InlineData("", "Form.Kind=News&Form.TitleDe={huge}&Form.BodyDe=x", "title-de")]
    [InlineData("", "Form.Kind=News&Form.TitleDe=Titel&Form.BodyDe=x&Form.Categories=%3Cscript%3E&Form.Categories=", "categories")]
    [InlineData("", "Form.Kind=Alert&Form.TitleDe=Titel&Form.BodyDe=x", null)]
    [InlineData("", "Form.Kind=News&Form.TitleDe=a%00b&Form.BodyDe=x%00", null)]
    [InlineData("?handler=Publish", "Form.Version=garbage", null)]
    [InlineData("?handler=Schedule", "Form.PublishDate=2026-02-30&Form.PublishTime=25:99", null)]
    [InlineData("?handler=NoSuchHandler", "Form.Kind=News", null)]
    public async Task AnnouncementEditor_WithHostileFields_ShowsTheFieldAndStoresNothing(string handler, string fields, string? errorInput)
    {
        var browser = await factory.BrowserAsync("editor");
        var before = await factory.AnnouncementCountAsync();
        var form = await FormAsync(browser, "/staff/announcements/new");

        var response = await PostAsync(browser, "/staff/announcements/new" + handler, form, fields);

        var html = await AssertNoServerErrorAsync(response);
        if (errorInput is not null)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"href=\"#{errorInput}\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.AnnouncementCountAsync());
    }

    /// <summary>Edits of a stored draft with a garbled, empty or stale version, or bad fields: the draft stays as it was.</summary>
    [Theory]
    [InlineData("", "Form.Version=garbage&Form.TitleDe=Neu&Form.BodyDe=x")]
    [InlineData("", "Form.Version=&Form.TitleDe=Neu&Form.BodyDe=x")]
    [InlineData("", "Form.Version=999&Form.TitleDe=Neu&Form.BodyDe=x")]
    [InlineData("", "Form.Version=-1&Form.TitleDe=Neu&Form.BodyDe=x")]
    [InlineData("", "Form.Version=999&Form.Version={version}&Form.TitleDe=Neu&Form.BodyDe=x")]
    [InlineData("", "Form.Version={version}&Form.TitleDe={huge}&Form.BodyDe=x")]
    [InlineData("", "Form.Version={version}&Form.TitleDe=&Form.BodyDe=x")]
    [InlineData("?handler=Schedule", "Form.Version={version}&Form.PublishDate=2026-02-30&Form.PublishTime=25:99")]
    [InlineData("?handler=Schedule", "Form.Version=garbage&Form.PublishDate=2099-01-01&Form.PublishTime=08:00")]
    [InlineData("?handler=Publish", "Form.Version=garbage")]
    [InlineData("?handler=Publish", "Form.Version=999")]
    [InlineData("?handler=Approve", "Form.Version={version}")]
    [InlineData("?handler=Archive", "Form.Version=")]
    [InlineData("?handler=NoSuchHandler", "Form.Version={version}")]
    public async Task AnnouncementEditor_OnAStoredDraft_WithHostileFields_LeavesItAsItWas(string handler, string fields)
    {
        var browser = await factory.BrowserAsync("editor");
        var id = await factory.DraftAsync(browser);
        var before = await factory.AnnouncementAsync(id);
        var form = await FormAsync(browser, $"/staff/announcements/{id}");
        var version = HiddenInput(form.Html, "Form.Version");

        var response = await PostAsync(browser, $"/staff/announcements/{id}{handler}", form, fields.Replace("{version}", version, StringComparison.Ordinal));

        await AssertNoServerErrorAsync(response);
        Assert.Equal(before, await factory.AnnouncementAsync(id));
    }

    [Theory]
    [InlineData("Issue", "Form.Title=&Form.Event=Hochwasser&Form.AreaDescription=Stadt", "title")]
    [InlineData("Issue", "Form.Title=Warnung&Form.Urgency=Bogus&Form.Event=Hochwasser&Form.AreaDescription=Stadt&Form.RegionalKeys=091620000000", "urgency")]
    [InlineData("Issue", "Form.Title=Warnung&Form.Event=Hochwasser&Form.Instruction=Drinnen+bleiben&Form.AreaDescription=Stadt&Form.RegionalKeys=091620000000&Form.ExpiresDate=2026-02-30&Form.ExpiresTime=25:99", "expires-date")]
    [InlineData("Issue", "Form.Title=Warnung&Form.Event=Hochwasser&Form.Instruction=Drinnen+bleiben&Form.AreaDescription=Stadt&Form.RegionalKeys=09162+abc%3Cscript%3E&Form.ExpiresDate=2099-01-01&Form.ExpiresTime=12:00", "regional-keys")]
    [InlineData("Save", "Form.Title={huge}&Form.Event=Hochwasser", "title")]
    [InlineData("Update", "Form.Title=x", null)]
    [InlineData("Cancel", "Form.Version=garbage", null)]
    [InlineData("NoSuchHandler", "Form.Title=x", null)]
    public async Task AlertForm_WithHostileFields_ShowsTheFieldAndStoresNothing(string handler, string fields, string? errorInput)
    {
        var browser = await factory.BrowserAsync("crisis");
        var before = await factory.AnnouncementCountAsync();
        var form = await FormAsync(browser, "/staff/alerts/new");

        var response = await PostAsync(browser, $"/staff/alerts/new?handler={handler}", form, fields);

        var html = await AssertNoServerErrorAsync(response);
        if (errorInput is not null)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"href=\"#{errorInput}\"", html, StringComparison.Ordinal);
        }

        Assert.Equal(before, await factory.AnnouncementCountAsync());
    }

    /// <summary>Update and all-clear of an alert in force with a garbled or stale version, or bad fields: no new alert, the old one unchanged.</summary>
    [Theory]
    [InlineData("Update", "Form.Version=garbage&Form.Title=Neu")]
    [InlineData("Update", "Form.Version=&Form.Title=Neu")]
    [InlineData("Update", "Form.Version=999&Form.Version={version}&Form.Title=Neu")]
    [InlineData("Update", "Form.Version={version}&Form.Title=Neu&Form.ExpiresDate=2026-02-30&Form.ExpiresTime=25:99")]
    [InlineData("Update", "Form.Version={version}&Form.Title=Neu&Form.RegionalKeys=abc")]
    [InlineData("Cancel", "Form.Version=garbage")]
    [InlineData("Cancel", "Form.Version=-1")]
    [InlineData("Issue", "Form.Version={version}&Form.Title=Neu")]
    [InlineData("Save", "Form.Version={version}&Form.Title=Neu")]
    public async Task AlertForm_OnAnAlertInForce_WithHostileFields_LeavesItAsItWas(string handler, string fields)
    {
        var browser = await factory.BrowserAsync("crisis");
        var id = await factory.AlertAsync(browser);
        var before = await factory.AnnouncementAsync(id) + "|" + await factory.AnnouncementCountAsync();
        var form = await FormAsync(browser, $"/staff/alerts/{id}");
        var version = HiddenInput(form.Html, "Form.Version");

        var response = await PostAsync(browser, $"/staff/alerts/{id}?handler={handler}", form, fields.Replace("{version}", version, StringComparison.Ordinal));

        await AssertNoServerErrorAsync(response);
        Assert.Equal(before, await factory.AnnouncementAsync(id) + "|" + await factory.AnnouncementCountAsync());
    }

    [Theory]
    [InlineData("editor", "/staff/outreach/posts/new", "", "title=&text=x&channels=garbage&crisis=maybe&version=abc")]
    [InlineData("editor", "/staff/outreach/posts/new", "", "title={huge}&text={huge}&channels=" + Unknown)]
    [InlineData("editor", "/staff/outreach/posts/new", "", "title=T&text=x&override%5Bgarbage%5D=y&override%5B%5D=z&language=%E2%80%AE")]
    [InlineData("editor", "/staff/outreach/posts/new", "?handler=Check", "title=&text=&channels=garbage&link=javascript:alert(1)")]
    [InlineData("admin", "/staff/outreach/channels/new", "", "kind=webhook&name=a%00b&address=https://x.example/h&owningUnit=%00")]
    [InlineData("editor", "/staff/outreach/posts/new", "?handler=Submit", "title=T&text=x&channels=" + Unknown + "&channels=" + Unknown)]
    [InlineData("editor", "/staff/outreach/posts/new", "?handler=Schedule", "version=abc&publishAt=2026-02-30T25:99")]
    [InlineData("editor", "/staff/outreach/posts/new", "?handler=Cancel", "version=")]
    [InlineData("editor", "/staff/outreach/posts/" + Unknown, "?handler=Cancel", "version=1")]
    [InlineData("editor", "/staff/outreach/posts/new", "?handler=NoSuchHandler", "title=x")]
    [InlineData("admin", "/staff/outreach/channels/new", "", "kind=Bogus&name=X&version=abc")]
    [InlineData("admin", "/staff/outreach/channels/new", "", "kind=Mastodon&name=&address=javascript:alert(1)")]
    [InlineData("admin", "/staff/outreach/channels/new", "", "kind=Mastodon&name=X&address=https://x.example&assessedOn=2026-02-30&assessmentDone=maybe&enabled=true")]
    [InlineData("admin", "/staff/outreach/channels/new", "", "kind=Mastodon&name={huge}&crossPostPolicy=Bogus&credentials%5BaccessToken%5D={huge}")]
    [InlineData("admin", "/staff/outreach/channels/new", "", "kind=&name=X&credentials%5B%5D=x&credentials%5Bnot-a-key%5D=y")]
    [InlineData("admin", "/staff/outreach/channels/new", "?handler=Refresh", "")]
    [InlineData("admin", "/staff/outreach/channels/" + Unknown, "", "kind=Mastodon&name=X&version=1")]
    [InlineData("approver", "/staff/outreach/approvals", "?handler=Approve", "postId=garbage&version=abc")]
    [InlineData("approver", "/staff/outreach/approvals", "?handler=Reject", "postId=" + Unknown + "&version=1&reason={huge}")]
    [InlineData("approver", "/staff/outreach/approvals", "?handler=Review", "postId=&version=")]
    [InlineData("editor", "/staff/outreach/inbox", "?handler=Answer", "itemId=garbage&text={huge}")]
    [InlineData("editor", "/staff/outreach/inbox", "?handler=Answer", "itemId=" + Unknown + "&text=Antwort&channel=garbage&show=%3Cscript%3E")]
    [InlineData("editor", "/staff/outreach/inbox", "?handler=Flag", "itemId=" + Unknown + "&flagged=maybe&reason={huge}")]
    [InlineData("editor", "/staff/outreach/inbox", "?handler=Assign", "itemId=&unassign=maybe&mine=maybe")]
    [InlineData("editor", "/staff/outreach/guidelines", "", "version=abc")]
    [InlineData("editor", "/staff/outreach/guidelines", "", "version=99999")]
    public async Task OutreachForms_WithHostileFields_AnswerAPageOr4xxAndStoreNothing(string user, string page, string handler, string fields)
    {
        var browser = await factory.BrowserAsync(user);
        var before = await factory.OutreachCountsAsync();
        var form = await FormAsync(browser, page.Contains(Unknown, StringComparison.Ordinal) ? "/staff/outreach/guidelines" : page);

        var response = await PostAsync(browser, page + handler, form, fields);

        var html = await AssertNoServerErrorAsync(response);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Forbidden,
            $"{page}{handler}: {response.StatusCode}");
        Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await factory.OutreachCountsAsync());
    }

    /// <summary>Hostile posts against a stored draft post and a stored channel: both stay as they were.</summary>
    [Theory]
    [InlineData("editor", "post", "", "version=abc&title=Neu&text=x&channels={channel}")]
    [InlineData("editor", "post", "", "version=&title=Neu&text=x&channels={channel}")]
    [InlineData("editor", "post", "", "version=999&title=Neu&text=x&channels={channel}")]
    [InlineData("editor", "post", "", "version=999&version={version}&title=Neu&text=x&channels={channel}")]
    [InlineData("editor", "post", "", "version={version}&title={huge}&text=x&channels={channel}")]
    [InlineData("editor", "post", "", "version={version}&title=Neu&text=x&channels=garbage")]
    [InlineData("editor", "post", "", "version={version}&title=Neu&text=x&channels=" + Unknown)]
    [InlineData("editor", "post", "", "version={version}&title=Neu&text=&channels={channel}&override%5B{channel}%5D={huge}")]
    [InlineData("editor", "post", "", "version={version}&title=Neu&text=x&channels={channel}&link=javascript:alert(1)&language=xx-%E2%80%AE")]
    [InlineData("editor", "post", "?handler=Submit", "version=abc&title=Neu&text=x&channels={channel}")]
    [InlineData("editor", "post", "?handler=Schedule", "version={version}&publishAt=2026-02-30T25:99")]
    [InlineData("editor", "post", "?handler=Schedule", "version=abc&publishAt=")]
    [InlineData("editor", "post", "?handler=Cancel", "version=abc&reason={huge}")]
    [InlineData("editor", "post", "?handler=Cancel", "version=999")]
    [InlineData("editor", "post", "?handler=NoSuchHandler", "version={version}")]
    [InlineData("admin", "channel", "", "version=abc&kind=webhook&name=Neu")]
    [InlineData("admin", "channel", "", "version=999&kind=webhook&name=Neu")]
    [InlineData("admin", "channel", "", "version={version}&kind=mastodon&name=")]
    [InlineData("admin", "channel", "", "version={version}&name={huge}")]
    [InlineData("admin", "channel", "", "version={version}&name=Neu&assessedOn=2026-02-30&assessmentDone=true")]
    [InlineData("admin", "channel", "", "version={version}&name=Neu&address=javascript:alert(1)&crossPostPolicy=Bogus")]
    [InlineData("admin", "channel", "?handler=Refresh", "version=abc")]
    public async Task OutreachForms_OnStoredRecords_WithHostileFields_LeaveThemAsTheyWere(string user, string what, string handler, string fields)
    {
        var (post, channel) = await factory.OutreachRecordsAsync();
        var browser = await factory.BrowserAsync(user);
        var page = what == "post" ? $"/staff/outreach/posts/{post}" : $"/staff/outreach/channels/{channel}";
        var before = await factory.OutreachRecordAsync(post, channel);
        var form = await FormAsync(browser, page);
        var version = HiddenInput(form.Html, "version");

        var response = await PostAsync(browser, page + handler, form,
            fields.Replace("{version}", version, StringComparison.Ordinal).Replace("{channel}", channel.ToString(), StringComparison.Ordinal));

        var html = await AssertNoServerErrorAsync(response);
        Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await factory.OutreachRecordAsync(post, channel));
    }

    private static async Task<string> AssertNoServerErrorAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode < 500, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode}\n{html[..Math.Min(html.Length, 3000)]}");
        return html;
    }

    /// <summary>Reads a page as a browser does and keeps its antiforgery token for the post.</summary>
    private static async Task<PageForm> FormAsync(HttpClient browser, string path)
    {
        var page = await browser.GetAsync(path, Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {path}: {page.StatusCode}");
        return new PageForm(html) { new("__RequestVerificationToken", HiddenInput(html, "__RequestVerificationToken")) };
    }

    /// <summary>Posts the form's token with <paramref name="fields"/> (url-encoded; <c>{huge}</c> stands for 100,000 characters).</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, PageForm form, string fields)
    {
        var pairs = form.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")
            .Concat(fields.Length == 0 ? [] : fields.Split('&').Select(p => p.Replace("{huge}", Huge, StringComparison.Ordinal)));
        using var content = new StringContent(string.Join('&', pairs), System.Text.Encoding.UTF8);
        // As browsers post forms: no charset, so the percent-encoded bytes are read as UTF-8.
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        return await browser.PostAsync(path, content, Ct);
    }

    private static string HiddenInput(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*?value=\"([^\"]*)\"");
        Assert.True(match.Success, $"hidden input {name} not found");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private sealed class PageForm(string html) : List<KeyValuePair<string, string>>
    {
        public string Html { get; } = html;
    }

    public sealed class Factory : EgovApplicationFactory
    {
        private readonly int _port = FreePort();
        private readonly Dictionary<string, HttpClient> _browsers = new(StringComparer.Ordinal);
        private Guid? _case;
        private Guid? _draft;
        private Guid? _alert;
        private (Guid Post, Guid Channel)? _outreach;

        public Factory() => UseKestrel(_port);

        public override Uri PublicBaseAddress => new($"http://127.0.0.1:{_port}/");

        /// <summary>A browser signed in as <paramref name="user"/> (password = user name), kept for the class.</summary>
        public async Task<HttpClient> BrowserAsync(string user)
        {
            if (_browsers.TryGetValue(user, out var known))
            {
                return known;
            }

            StartServer();
            var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
            {
                BaseAddress = PublicBaseAddress,
            };
            browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");
            var toProvider = await browser.GetAsync("/account", Ct);
            var loginPage = await FollowAsync(browser, toProvider);
            var html = await loginPage.Content.ReadAsStringAsync(Ct);
            var signedIn = await browser.PostAsync("/connect/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = HiddenInput(html, "__RequestVerificationToken"),
                ["returnUrl"] = HiddenInput(html, "returnUrl"),
                ["username"] = user,
                ["password"] = user,
            }), Ct);
            var account = await FollowAsync(browser, signedIn);
            Assert.Equal(HttpStatusCode.OK, account.StatusCode);
            _browsers[user] = browser;
            return browser;
        }

        /// <summary>A case filed by erika in the caseworker's department, shared by the class.</summary>
        public async Task<Guid> CaseAsync()
        {
            if (_case is { } id)
            {
                return id;
            }

            StartServer();
            using var erika = await this.CreateClientAsAsync("erika");
            _case = (await Filing.FileAsync(erika)).Id;
            return _case.Value;
        }

        /// <summary>What a change to the case would alter: status, revision, assignee, messages, history, requests.</summary>
        public async Task<string> CountsAsync(Guid id)
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
            var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == id, Ct);
            return string.Join('|',
                application.Status, application.Revision, application.AssigneeSubject,
                await db.CaseMessages.CountAsync(m => m.ApplicationId == id, Ct),
                await db.CaseHistory.CountAsync(Ct),
                await db.InformationRequests.CountAsync(r => r.ApplicationId == id, Ct));
        }

        /// <summary>A news draft written through the editor page, shared by the class.</summary>
        public async Task<Guid> DraftAsync(HttpClient editor)
        {
            if (_draft is { } id)
            {
                return id;
            }

            var form = await FormAsync(editor, "/staff/announcements/new");
            var saved = await PostAsync(editor, "/staff/announcements/new", form, "Form.Kind=News&Form.TitleDe=Stadtfest&Form.BodyDe=Am+Samstag.");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            _draft = Guid.Parse(saved.Headers.Location!.OriginalString.Split('/', '?')[3]);
            return _draft.Value;
        }

        /// <summary>An alert issued through the alert form, in force until tomorrow, shared by the class.</summary>
        public async Task<Guid> AlertAsync(HttpClient crisis)
        {
            if (_alert is { } id)
            {
                return id;
            }

            var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var form = await FormAsync(crisis, "/staff/alerts/new");
            var issued = await PostAsync(crisis, "/staff/alerts/new?handler=Issue", form,
                $"Form.Title=Hochwasser&Form.Event=Hochwasser&Form.Instruction=Keller+meiden&Form.AreaDescription=Altstadt&Form.RegionalKeys=091620000000&Form.ExpiresDate={tomorrow}&Form.ExpiresTime=12:00");
            Assert.True(issued.StatusCode == HttpStatusCode.Redirect, await issued.Content.ReadAsStringAsync(Ct));
            _alert = Guid.Parse(issued.Headers.Location!.OriginalString.Split('/', '?')[3]);
            return _alert.Value;
        }

        /// <summary>What an edit or a step of the workflow would change.</summary>
        public async Task<string> AnnouncementAsync(Guid id)
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>();
            var a = await db.Announcements.AsNoTracking().SingleAsync(x => x.Id == id, Ct);
            return string.Join('|', a.Kind, a.Status, a.Revision, a.Title, a.PublishAt, a.UpdatedAt,
                await db.AnnouncementRevisions.CountAsync(Ct));
        }

        public async Task<int> AttachmentCountAsync(Guid id)
        {
            await using var scope = Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<FormsDbContext>().Attachments.CountAsync(a => a.ApplicationId == id, Ct);
        }

        /// <summary>A webhook channel (by the administrator) and a draft post on it (by the editor), through the API, shared by the class.</summary>
        public async Task<(Guid Post, Guid Channel)> OutreachRecordsAsync()
        {
            if (_outreach is { } known)
            {
                return known;
            }

            StartServer();
            using var admin = await this.CreateClientAsAsync("admin");
            var channel = (await Outreach.OutreachApi.CreateChannelAsync(admin, Outreach.OutreachApi.Channel("webhook", "Partner-Webhook", "https://partner.example/hooks/egov"))).GetProperty("id").GetGuid();
            using var editor = await this.CreateClientAsAsync("editor");
            await Outreach.OutreachApi.AcknowledgeAsync(editor);
            var post = (await Outreach.OutreachApi.CreatePostAsync(editor, Outreach.OutreachApi.Post("Stadtfest", false, (channel, "Am Samstag ist Stadtfest.")))).GetProperty("id").GetGuid();
            _outreach = (post, channel);
            return _outreach.Value;
        }

        /// <summary>What a change of the post or the channel would alter.</summary>
        public async Task<string> OutreachRecordAsync(Guid post, Guid channel)
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OutreachDbContext>();
            var p = await db.Posts.AsNoTracking().SingleAsync(x => x.Id == post, Ct);
            var c = await db.Channels.AsNoTracking().SingleAsync(x => x.Id == channel, Ct);
            return string.Join('|', p.Title, p.Status, p.Version, p.UpdatedAt, await db.PostHistory.CountAsync(Ct),
                c.Name, c.Kind, c.Enabled, c.Address, c.AssessedOn, c.UpdatedAt);
        }

        public async Task<int> AnnouncementCountAsync()
        {
            await using var scope = Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>().Announcements.CountAsync(Ct);
        }

        public async Task<string> OutreachCountsAsync()
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OutreachDbContext>();
            return string.Join('|',
                await db.Posts.CountAsync(Ct), await db.PostHistory.CountAsync(Ct), await db.Channels.CountAsync(Ct),
                await db.GuidelineAcknowledgements.CountAsync(Ct));
        }

        public override async ValueTask DisposeAsync()
        {
            foreach (var browser in _browsers.Values)
            {
                browser.Dispose();
            }

            await base.DisposeAsync();
        }

        private async Task<HttpResponseMessage> FollowAsync(HttpClient browser, HttpResponseMessage response)
        {
            for (var hops = 0; response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && hops < 10; hops++)
            {
                var location = response.Headers.Location!;
                response = await browser.GetAsync(location.IsAbsoluteUri ? location : new Uri(PublicBaseAddress, location), Ct);
            }

            return response;
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
