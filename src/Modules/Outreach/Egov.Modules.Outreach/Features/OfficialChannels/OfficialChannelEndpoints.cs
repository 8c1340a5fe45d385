using Egov.Modules.Outreach.Contracts;
using Egov.SharedKernel.Reads;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Egov.Modules.Outreach.Features.OfficialChannels;

/// <summary>The machine-readable official-channel register (the page is <c>/kanaele</c>).</summary>
internal static class OfficialChannelEndpoints
{
    public static IEndpointRouteBuilder MapOfficialChannelEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/official-channels", async Task<Ok<IReadOnlyList<OfficialChannel>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListOfficialChannelsQuery(), ct)))
            .AllowAnonymous()
            .WithTags("Outreach: official channels")
            .CachePublicRead(PublicReadAudience.Everyone, null, OfficialChannelReadRegion.Name)
            .WithName("ListOfficialChannels")
            .WithSummary("The city's official channels: every enabled public channel with its profile address, purpose, who runs it and the data-protection note")
            .WithDescription("Anonymous. The same list as the page `/kanaele`, which links each profile with `rel=\"me\"` so that Mastodon verifies the city's accounts. Webhooks are not listed.");
        return app;
    }
}
