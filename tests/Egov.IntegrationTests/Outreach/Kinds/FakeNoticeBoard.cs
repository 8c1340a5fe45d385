using Egov.Testing.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Egov.IntegrationTests.Outreach.Kinds;

/// <summary>The notice board's server on 127.0.0.1: <c>POST /notices</c> answers 201 with a new id.</summary>
internal sealed class FakeNoticeBoard : FakePlatformServer
{
    protected override void Map(WebApplication app) =>
        app.MapPost("/notices", () => Results.Json(new { id = "notice-" + Guid.NewGuid().ToString("N") }, statusCode: StatusCodes.Status201Created));
}
