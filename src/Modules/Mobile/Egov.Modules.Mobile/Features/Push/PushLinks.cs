using Egov.SharedKernel.Hosting;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>Deep links of notifications, under <see cref="PushOptions.DeepLinkBase"/> (default <c>{Egov:PublicBaseAddress}app/</c>).</summary>
internal sealed class PushLinks(IOptions<PushOptions> push, IOptions<PublicSiteOptions> site)
{
    public Uri Base { get; } = WithSlash(push.Value.DeepLinkBase ?? site.Value.Link("app/"));

    public Uri Alert(Guid id) => new(Base, $"alerts/{id}");

    public Uri Announcement(Guid id) => new(Base, $"announcements/{id}");

    public Uri Application(Guid id) => new(Base, $"applications/{id}");

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
